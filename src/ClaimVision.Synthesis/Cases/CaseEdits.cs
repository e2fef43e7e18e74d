namespace ClaimVision.Synthesis.Cases;

/// <summary>
/// Deliberate inconsistencies for test claims. Each edit returns a new case whose <see cref="MedicalCase.Edits"/>
/// names what was changed, so a test can check that assessment notices exactly that.
/// </summary>
public static class CaseEdits
{
    public const string WrongTotal = "wrong-total";
    public const string OtherPatientName = "other-patient-name";
    public const string DischargeBeforeAdmission = "discharge-before-admission";
    public const string InvalidResidentId = "invalid-resident-id";

    /// <summary>The printed total no longer equals the sum of the line items (nor covered + self-paid + out of catalogue).</summary>
    public static MedicalCase WithWrongTotal(this MedicalCase c, decimal delta)
    {
        if (delta == 0) throw new ArgumentOutOfRangeException(nameof(delta), "A wrong total needs a non-zero difference.");
        return c with { Settlement = c.Settlement with { Total = c.Settlement.Total + delta }, Edits = [.. c.Edits, WrongTotal] };
    }

    /// <summary>The patient's name on the documents rendered from this case differs from the claim's other documents.</summary>
    public static MedicalCase WithOtherPatientName(this MedicalCase c, string name)
    {
        if (name == c.Patient.Name) throw new ArgumentException("The other name must differ from the patient's.", nameof(name));
        return c with { Patient = c.Patient with { Name = name }, Edits = [.. c.Edits, OtherPatientName] };
    }

    /// <summary>Discharge printed before admission.</summary>
    public static MedicalCase WithDischargeBeforeAdmission(this MedicalCase c, int days = 3) =>
        c with { DischargeDate = c.AdmissionDate.AddDays(-Math.Max(1, days)), Edits = [.. c.Edits, DischargeBeforeAdmission] };

    /// <summary>A resident ID whose check character is wrong (Chinese cases only).</summary>
    public static MedicalCase WithInvalidResidentId(this MedicalCase c)
    {
        if (c.Language != "zh") throw new InvalidOperationException("Only Chinese cases carry a resident ID.");
        var id = c.Patient.IdNumber;
        var wrong = "10X98765432".First(ch => ch != id[17]);
        return c with { Patient = c.Patient with { IdNumber = id[..17] + wrong }, Edits = [.. c.Edits, InvalidResidentId] };
    }
}
