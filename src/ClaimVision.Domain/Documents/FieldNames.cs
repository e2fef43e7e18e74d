namespace ClaimVision.Domain.Documents;

/// <summary>Canonical field names (camelCase), shared across document types where the meaning is the same.
/// Type-specific fields live next to their extractor; these are the ones assessment reads.</summary>
public static class FieldNames
{
    public const string ProviderName = "providerName";
    public const string ProviderAddress = "providerAddress";
    public const string ProviderLevel = "providerLevel";
    public const string DocumentDate = "documentDate";
    public const string InvoiceNumber = "invoiceNumber";
    public const string PatientName = "patientName";
    public const string PatientIdNumber = "patientIdNumber";
    public const string PatientSex = "patientSex";
    public const string PatientBirthDate = "patientBirthDate";
    public const string PatientAddress = "patientAddress";
    public const string MedicalRecordNumber = "medicalRecordNumber";
    public const string AdmissionDate = "admissionDate";
    public const string DischargeDate = "dischargeDate";
    public const string Diagnosis = "diagnosis";
    public const string DiagnosisCode = "diagnosisCode";
    public const string TotalAmount = "totalAmount";
    public const string TotalAmountInWords = "totalAmountInWords";
    public const string CoveredAmount = "coveredAmount";
    public const string SelfPaidAmount = "selfPaidAmount";
    public const string OutOfCatalogueAmount = "outOfCatalogueAmount";
    public const string CriticalIllnessAmount = "criticalIllnessAmount";
    public const string Currency = "currency";
    public const string CardNumber = "cardNumber";
    public const string PolicyNumber = "policyNumber";

    // Type-specific names the sample generator labels; extractors of those types use the same spelling.
    /// <summary>What basic medical insurance paid (统筹基金支付) on a settlement sheet or invoice.</summary>
    public const string InsurancePaidAmount = "insurancePaidAmount";
    /// <summary>What the patient paid in total (个人支付 / patient responsibility).</summary>
    public const string PersonalPaidAmount = "personalPaidAmount";
    public const string Department = "department";
    public const string PhysicianName = "physicianName";
    public const string InsurerName = "insurerName";
    public const string BankName = "bankName";
    public const string ExpiryDate = "expiryDate";
    /// <summary>Name of the test on a lab report (血常规, Complete blood count …).</summary>
    public const string TestName = "testName";
}
