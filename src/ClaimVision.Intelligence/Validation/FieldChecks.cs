using ClaimVision.Domain.Documents;

namespace ClaimVision.Intelligence.Validation;

/// <summary>
/// Cross-field checks that catch OCR errors, and the rule that turns their outcome into confidence.
/// Rule: every failed check halves the field's confidence (two failures → ×0.25); passed checks leave it unchanged.
/// Halving keeps a field with one failure below any clean read of the same OCR quality, so review queues sort it first,
/// without zeroing a value that is often only one misread digit away from right.
/// </summary>
public static class FieldChecks
{
    /// <summary>Factor applied to a field's confidence for each failed check.</summary>
    public const double FailurePenalty = 0.5;

    /// <summary>The field with the checks appended and its confidence lowered for each failure.</summary>
    public static ExtractedField Apply(ExtractedField field, IEnumerable<FieldCheck> checks)
    {
        var list = checks.ToList();
        if (list.Count == 0) return field;
        var failures = list.Count(c => !c.Passed);
        return field with
        {
            Checks = [.. field.Checks, .. list],
            Confidence = field.Confidence * Math.Pow(FailurePenalty, failures),
        };
    }

    /// <summary>
    /// The field with <paramref name="check"/> appended, for a check that ties it exactly to figures read independently
    /// of it (line items adding up to the total to the cent), at a confidence of at least 1 − (1 − c)(1 − e): both readings
    /// would have to be wrong, and wrong alike, for the agreement to mislead. <paramref name="evidenceConfidence"/> (e) is
    /// that of the least sure of the other figures.
    /// </summary>
    public static ExtractedField Corroborate(ExtractedField field, FieldCheck check, double evidenceConfidence)
    {
        if (!check.Passed) throw new ArgumentException($"Check {check.Name} failed; only a passed check corroborates.", nameof(check));
        var raised = 1 - (1 - field.Confidence) * (1 - Math.Clamp(evidenceConfidence, 0, 1));
        return field with { Checks = [.. field.Checks, check], Confidence = Math.Max(field.Confidence, raised) };
    }

    /// <summary>
    /// The field with <paramref name="check"/> appended, for a passed check that a wrong reading would pass only at the
    /// rate <paramref name="falsePassRate"/> (a MOD 11-2 check character: 1 in 11). Read as the chance the reading is right,
    /// confidence c becomes c / (c + (1 − c) · rate): 0.83 → 0.98, but 0.2 → 0.73, so a poor reading stays doubtful.
    /// </summary>
    public static ExtractedField ConfirmedBy(ExtractedField field, FieldCheck check, double falsePassRate)
    {
        if (!check.Passed) throw new ArgumentException($"Check {check.Name} failed; only a passed check confirms.", nameof(check));
        var c = Math.Clamp(field.Confidence, 0, 1);
        var raised = c / (c + (1 - c) * Math.Clamp(falsePassRate, 0, 1));
        return field with { Checks = [.. field.Checks, check], Confidence = Math.Max(field.Confidence, double.IsNaN(raised) ? 0 : raised) };
    }

    /// <summary>A date on a claim document lies between 1990 and today.</summary>
    public static FieldCheck DateInRange(DateOnly date, DateOnly today)
    {
        var ok = date.Year >= 1990 && date <= today;
        return new FieldCheck("dateInRange", ok, ok ? "date lies between 1990 and today" : $"{date:yyyy-MM-dd} is {(date > today ? "in the future" : "before 1990")}");
    }

    /// <summary>Admission comes no later than discharge.</summary>
    public static FieldCheck DatesInOrder(DateOnly admission, DateOnly discharge)
    {
        var ok = admission <= discharge;
        return new FieldCheck("admissionBeforeDischarge", ok, ok ? "admission is on or before discharge" : $"discharge {discharge:yyyy-MM-dd} is before admission {admission:yyyy-MM-dd}");
    }

    /// <summary>Line items (or parts) add up to the total within a tolerance (default 0.01 per item, at least 0.05).</summary>
    public static FieldCheck SumsTo(string name, IReadOnlyCollection<decimal> parts, decimal total, decimal? tolerance = null)
    {
        var sum = parts.Sum();
        var tol = tolerance ?? Math.Max(0.05m, 0.01m * parts.Count);
        var ok = Math.Abs(sum - total) <= tol;
        return new FieldCheck(name, ok, ok ? $"{parts.Count} parts sum to {sum:0.00}, matching the total" : $"{parts.Count} parts sum to {sum:0.00}, total says {total:0.00}");
    }

    /// <summary>The upper-case (大写) amount agrees with the figures.</summary>
    public static FieldCheck WordsMatchFigures(decimal words, decimal figures)
    {
        var ok = words == figures;
        return new FieldCheck("amountInWordsMatches", ok, ok ? "大写 amount matches the figures" : $"大写 amount reads {words:0.00}, figures read {figures:0.00}");
    }
}
