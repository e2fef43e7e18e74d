using ClaimVision.Domain.Documents;

namespace ClaimVision.Domain.Assessment;

/// <summary>
/// Settles, across a claim, a diagnosis one document could not: <c>骨远端骨折</c> read on a prescription is a glyph away
/// from both 桡骨远端骨折 (S52.5) and 肱骨远端骨折 (S42.4), and nothing on the prescription says which, while the same stay's
/// discharge summary prints S52.5. Extraction keeps such a doubtful reading's catalogue names as its
/// <see cref="ExtractedField.Alternatives"/>; when every diagnosis code read on the claim's trusted documents (readable,
/// classified at least as surely as the policy asks) is one code, read surely (<see cref="WitnessCodeConfidence"/>, no
/// failed check: a code completed from the catalogue or doubted by OCR speaks for no other page), and one alternative is
/// known by it, the reading takes that name, trusted no more than <see cref="SettledConfidence"/>, with a
/// <see cref="CheckName"/> check naming the document that reads the code. With no sure reading, two documents that each
/// read the code letter for letter (<see cref="CorroboratedCodeConfidence"/>, no failed check, not completed from a
/// diagnosis; an S read as $ counts as the S) choose as one sure reading would: two photographs misread into the same
/// other code are far less likely than one (a discharge summary reads S52.5 at 0.78 and the diagnosis certificate at
/// 0.65). Codes that disagree (a claim for two illnesses, or a misread code) settle nothing.
/// </summary>
public static class ClaimDiagnosis
{
    /// <summary>The check a diagnosis settled by another document's code carries.</summary>
    public const string CheckName = "claimDiagnosis";

    /// <summary>The most a settled diagnosis is trusted: the code says which name was meant, not that the page printed it.</summary>
    public const double SettledConfidence = 0.7;

    /// <summary>How surely a code must be read to choose another page's diagnosis: as surely as a diagnosis must be read to
    /// be left unrepaired. A code completed from the catalogue is trusted at most 0.7 and so never chooses.</summary>
    public const double WitnessCodeConfidence = 0.85;

    /// <summary>How surely each of two documents must read the same code, as printed, to choose together when neither is a
    /// sure witness.</summary>
    public const double CorroboratedCodeConfidence = 0.6;

    /// <summary>The claim's documents, those whose doubtful diagnosis another document's code decides with that diagnosis
    /// taken; the same list when nothing changes.</summary>
    /// <param name="minClassificationConfidence">How surely a witness must have been classified (the policy's
    /// <c>MinClassificationConfidence</c>: a document the rules do not rely on speaks for no other).</param>
    public static IReadOnlyList<AnalyzedDocument> Reconcile(IReadOnlyList<AnalyzedDocument> documents, double minClassificationConfidence = 0)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (!documents.Any(d => d.Field(FieldNames.Diagnosis) is { Alternatives.Count: > 0 })) return documents;
        var read = ClaimReadings.Readings(documents, FieldNames.DiagnosisCode, minClassificationConfidence)
            .Select(c => (c.Document, c.Field, Code: ExclusionsRule.NormalizeCode(AssessmentContext.Text(c.Field))))
            .Where(c => c.Code.Length > 0)
            .ToList();
        // Every code read counts against agreement; only a sure one may choose.
        if (read.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count() != 1) return documents;
        var witness = read.FirstOrDefault(c => c.Field.Confidence >= WitnessCodeConfidence && c.Field.Checks.All(k => k.Passed));
        if (witness.Document is not null) return [.. documents.Select(d => Settle(d, witness.Code, [witness.Document]))];
        var corroborating = read
            .Where(c => c.Field.Confidence >= CorroboratedCodeConfidence && c.Field.Checks.All(k => k.Passed)
                && AsPrinted(c.Field.Value) == c.Code)
            .Select(c => c.Document)
            .DistinctBy(d => d.DocumentId)
            .DistinctBy(ClaimReadings.Photograph)
            .ToList();
        return corroborating.Count >= 2 ? [.. documents.Select(d => Settle(d, read[0].Code, corroborating))] : documents;
    }

    /// <summary>The code as printed, letter for letter, except that a $ where the chapter letter stands is the S OCR read
    /// it as (<c>$52.5</c>): no code has a $ and no other letter reads as one, so it names no other code. A letter lost or
    /// read as a digit (<c>18.9</c>, <c>125.1</c>) could have been several, and stays unlike the code.</summary>
    private static string AsPrinted(string value) =>
        ExclusionsRule.NormalizeCode(value.TrimStart() is ['$', .. var rest] ? "S" + rest : value);

    private static AnalyzedDocument Settle(AnalyzedDocument document, string code, List<AnalyzedDocument> witnesses)
    {
        if (document.Field(FieldNames.Diagnosis) is not { Alternatives.Count: > 0 } diagnosis) return document;
        var chosen = diagnosis.Alternatives.FirstOrDefault(a => ExclusionsRule.NormalizeCode(a.Code) == code);
        if (chosen is null) return document;
        return ClaimReadings.Take(document, diagnosis with { Alternatives = null }, chosen.Normalized, SettledConfidence, CheckName,
            $"'{diagnosis.Value}' could be {string.Join(" or ", diagnosis.Alternatives.Select(a => $"'{a.Normalized}' ({a.Code})"))}; " +
            $"{ClaimReadings.WitnessesRead(witnesses)} {chosen.Code}, so it is read as '{chosen.Normalized}'. Check it on the image.");
    }

    /// <summary>The diagnosis of a document when the claim settled it (it carries a <see cref="CheckName"/> check).</summary>
    public static ExtractedField? Settled(AnalyzedDocument document) => ClaimReadings.SettledField(document, FieldNames.Diagnosis, CheckName);
}
