using ClaimVision.Domain.Documents;

namespace ClaimVision.Domain.Assessment;

/// <summary>
/// Settles, across a claim, a diagnosis one document could not: <c>骨远端骨折</c> read on a prescription is a glyph away
/// from both 桡骨远端骨折 (S52.5) and 肱骨远端骨折 (S42.4), and nothing on the prescription says which, while the same stay's
/// discharge summary prints S52.5. Extraction keeps such a doubtful reading's catalogue names as its
/// <see cref="ExtractedField.Alternatives"/>; when every diagnosis code read on the claim's readable documents is one
/// code and one alternative is known by it, the reading takes that name, trusted no more than
/// <see cref="SettledConfidence"/>, with a <see cref="CheckName"/> check naming the document that printed the code. Codes
/// that disagree (a claim for two illnesses, or a misread code) settle nothing.
/// </summary>
public static class ClaimDiagnosis
{
    /// <summary>The check a diagnosis settled by another document's code carries.</summary>
    public const string CheckName = "claimDiagnosis";

    /// <summary>The most a settled diagnosis is trusted: the code says which name was meant, not that the page printed it.</summary>
    public const double SettledConfidence = 0.7;

    /// <summary>The claim's documents, those whose doubtful diagnosis another document's code decides with that diagnosis
    /// taken; the same list when nothing changes.</summary>
    public static IReadOnlyList<AnalyzedDocument> Reconcile(IReadOnlyList<AnalyzedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (!documents.Any(d => d.Field(FieldNames.Diagnosis) is { Alternatives.Count: > 0 })) return documents;
        var coded = documents
            .Where(d => !d.Failed && d.Classification is not null)
            .Select(d => (Document: d, Code: d.Field(FieldNames.DiagnosisCode) is { } f ? ExclusionsRule.NormalizeCode(AssessmentContext.Text(f)) : ""))
            .Where(c => c.Code.Length > 0)
            .ToList();
        if (coded.Count == 0 || coded.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count() != 1) return documents;
        var (witness, code) = coded[0];
        return [.. documents.Select(d => Settle(d, code, witness))];
    }

    private static AnalyzedDocument Settle(AnalyzedDocument document, string code, AnalyzedDocument witness)
    {
        if (document.Field(FieldNames.Diagnosis) is not { Alternatives.Count: > 0 } diagnosis) return document;
        var chosen = diagnosis.Alternatives.FirstOrDefault(a => ExclusionsRule.NormalizeCode(a.Code) == code);
        if (chosen is null) return document;
        var fields = new Dictionary<string, ExtractedField>(document.Fields, StringComparer.Ordinal)
        {
            [FieldNames.Diagnosis] = diagnosis with
            {
                Normalized = chosen.Normalized,
                Confidence = Math.Min(diagnosis.Confidence, SettledConfidence),
                Alternatives = null,
                Checks = [.. diagnosis.Checks, new FieldCheck(CheckName, true,
                    $"'{diagnosis.Value}' could be {string.Join(" or ", diagnosis.Alternatives.Select(a => $"'{a.Normalized}' ({a.Code})"))}; " +
                    $"{witness.FileName} in the same claim prints {chosen.Code}, so it is read as '{chosen.Normalized}'. Check it on the image.")],
            },
        };
        return document with { Fields = fields };
    }

    /// <summary>The diagnosis of a document when the claim settled it (it carries a <see cref="CheckName"/> check).</summary>
    public static ExtractedField? Settled(AnalyzedDocument document) =>
        document.Field(FieldNames.Diagnosis) is { } f && f.Checks.Any(c => c.Name == CheckName) ? f : null;
}
