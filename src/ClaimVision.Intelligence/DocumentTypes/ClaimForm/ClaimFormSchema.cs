using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.ClaimForm;

/// <summary>Claim form (理赔申请书 / CMS-1500, UB-04): the insured, the policy, the stay, the diagnosis, the amount claimed and the account to pay it into.</summary>
public static class ClaimFormSchema
{
    public static FieldSchema Schema { get; } = new(DocumentType.ClaimForm,
    [
        new(FieldNames.PatientName, FieldKind.Text, IsKey: true),
        new(FieldNames.PatientIdNumber, FieldKind.IdNumber, IsKey: true),
        new(FieldNames.PolicyNumber, FieldKind.Identifier),
        new(FieldNames.ProviderName, FieldKind.Text),
        new(FieldNames.AdmissionDate, FieldKind.Date, IsKey: true),
        new(FieldNames.DischargeDate, FieldKind.Date, IsKey: true),
        new(FieldNames.Diagnosis, FieldKind.Text),
        new(FieldNames.DiagnosisCode, FieldKind.DiagnosisCode, IsKey: true),
        new(FieldNames.TotalAmount, FieldKind.Amount, IsKey: true),
        new(FieldNames.DocumentDate, FieldKind.Date),
        // The account the claimant asks to be paid into (开户银行 / 银行账号 on Chinese forms).
        new(FieldNames.BankName, FieldKind.Text),
        new(FieldNames.CardNumber, FieldKind.CardNumber),
    ]);
}
