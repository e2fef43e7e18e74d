using System.Globalization;
using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Validation;

namespace ClaimVision.Intelligence.Extraction;

/// <summary>The validations every type shares, applied to whatever fields the type extracted. Each failure lowers
/// the confidence of the field it is recorded on (<see cref="FieldChecks.Apply"/>).</summary>
public static class CommonChecks
{
    private static readonly string[] DateFields =
        [FieldNames.DocumentDate, FieldNames.AdmissionDate, FieldNames.DischargeDate, FieldNames.ExpiryDate];

    /// <summary>The payments a bill's total is split into (the fund's, a critical-illness insurer's, the patient's).</summary>
    internal static readonly string[] PartFields =
        [FieldNames.InsurancePaidAmount, FieldNames.CriticalIllnessAmount, FieldNames.PersonalPaidAmount];

    public static void Apply(Dictionary<string, ExtractedField> fields, IReadOnlyList<LineItem> items, ExtractionContext context)
    {
        foreach (var name in DateFields.Where(fields.ContainsKey))
        {
            if (name == FieldNames.ExpiryDate) continue;
            if (DateOf(fields[name]) is { } d) fields[name] = FieldChecks.Apply(fields[name], [FieldChecks.DateInRange(d, context.Today)]);
        }

        if (fields.TryGetValue(FieldNames.AdmissionDate, out var adm) && fields.TryGetValue(FieldNames.DischargeDate, out var dis)
            && DateOf(adm) is { } a && DateOf(dis) is { } b)
            fields[FieldNames.DischargeDate] = FieldChecks.Apply(dis, [FieldChecks.DatesInOrder(a, b)]);

        if (fields.TryGetValue(FieldNames.PatientName, out var patient) && ChineseSurname.Check(patient.Normalized ?? patient.Value) is { } surname)
            fields[FieldNames.PatientName] = FieldChecks.Apply(patient, [surname]);

        // A member number (XVT326004448 on a CMS-1500) is no resident ID: the resident ID's checks say nothing about it.
        if (fields.TryGetValue(FieldNames.PatientIdNumber, out var id) && !ResidentIdValidator.IsMemberNumber(id.Normalized ?? id.Value))
        {
            // A check character that matches confirms the other 17: every single misread digit breaks it, and a wrong ID
            // passes by chance at most once in 11. Not so for an ID the checks themselves picked out of the page, nor for one
            // whose birth date the page prints otherwise.
            var checks = ResidentIdValidator.Check(id.Normalized ?? id.Value, context.Today);
            var checkDigit = checks.FirstOrDefault(c => c.Name == ResidentIdValidator.CheckDigit);
            fields[FieldNames.PatientIdNumber] = checks.All(c => c.Passed) && checkDigit is not null
                && !id.Checks.Any(c => c.Name == ResidentIdScan.FoundByItsChecks || (c.Name == ResidentIdScan.BirthDateAsPrinted && !c.Passed))
                ? FieldChecks.ConfirmedBy(FieldChecks.Apply(id, checks.Where(c => c != checkDigit)), checkDigit, ResidentIdValidator.CheckDigitFalsePassRate)
                : FieldChecks.Apply(id, checks);
        }

        if (!fields.TryGetValue(FieldNames.TotalAmount, out var total) || AmountOf(total) is not { } t) return;

        // A 大写 amount of which OCR read only a fragment (陆佰起拾元整 → 陆佰) says nothing against the figures: its own
        // failed read check already marks it; comparing the fragment would wrongly cast doubt on a clean total.
        // One read by the figures (TotalRepair.WordsFromFigures) is no second reading of them.
        if (fields.TryGetValue(FieldNames.TotalAmountInWords, out var words) && AmountOf(words) is { } w
            && !LabelledFields.IsDamaged(words) && !words.Checks.Any(c => c.Name == TotalRepair.WordsResembleFigures))
        {
            var check = FieldChecks.WordsMatchFigures(w, t);
            fields[FieldNames.TotalAmount] = FieldChecks.Apply(fields[FieldNames.TotalAmount], [check]);
            fields[FieldNames.TotalAmountInWords] = FieldChecks.Apply(words, [check]);
        }

        if (items.Count > 0)
        {
            // Two or more line items that add up to a printed total to the cent are a second, independent reading of it.
            var check = FieldChecks.SumsTo("lineItemsSumToTotal", [.. items.Select(i => i.Amount)], t);
            var printed = fields[FieldNames.TotalAmount];
            fields[FieldNames.TotalAmount] = check.Passed && items.Count >= 2 && items.Sum(i => i.Amount) == t
                && !printed.Checks.Any(c => c.Name == TotalRepair.TotalPrinted)
                ? FieldChecks.Corroborate(printed, check, items.Min(i => i.Confidence))
                : FieldChecks.Apply(printed, [check]);
        }

        // total = fund payments + what the patient paid, when the document prints the split.
        var parts = PartFields.Where(fields.ContainsKey).Select(f => AmountOf(fields[f])).OfType<decimal>().ToList();
        if (fields.ContainsKey(FieldNames.InsurancePaidAmount) && fields.ContainsKey(FieldNames.PersonalPaidAmount) && parts.Count >= 2)
            fields[FieldNames.TotalAmount] = FieldChecks.Apply(fields[FieldNames.TotalAmount], [FieldChecks.SumsTo("totalEqualsParts", parts, t)]);
    }

    public static DateOnly? DateOf(ExtractedField f) =>
        DateOnly.TryParseExact(f.Normalized, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static decimal? AmountOf(ExtractedField f) =>
        decimal.TryParse(f.Normalized, NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;
}
