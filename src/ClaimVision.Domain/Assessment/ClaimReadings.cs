using ClaimVision.Domain.Documents;

namespace ClaimVision.Domain.Assessment;

/// <summary>
/// What the documents of one claim settle for each other before any rule looks at them: the order of an all-numeric
/// date a page left open (<see cref="ClaimDateOrder"/>), a diagnosis a page read too doubtfully to name
/// (<see cref="ClaimDiagnosis"/>), an ID number a page misread (<see cref="ClaimIdNumber"/>) and a total whose currency
/// sign a page read as a digit (<see cref="ClaimTotal"/>). Claim assessment applies it when it builds its context; the
/// field evaluation applies it to score a generated case as one claim.
/// </summary>
public static class ClaimReadings
{
    /// <param name="minClassificationConfidence">How surely a document must have been classified to speak for the others
    /// (the policy's <c>MinClassificationConfidence</c>).</param>
    public static IReadOnlyList<AnalyzedDocument> Settle(IReadOnlyList<AnalyzedDocument> documents, double minClassificationConfidence = 0) =>
        ClaimTotal.Reconcile(
            ClaimIdNumber.Reconcile(
                ClaimDiagnosis.Reconcile(ClaimDateOrder.Reconcile(documents, minClassificationConfidence), minClassificationConfidence),
                minClassificationConfidence),
            minClassificationConfidence);

    /// <summary>Whether a document may speak for the claim's others: it was read, and classified at least as surely as the
    /// policy asks (a document the rules do not rely on settles nothing).</summary>
    internal static bool CanWitness(AnalyzedDocument document, double minClassificationConfidence) =>
        !document.Failed && document.Classification is { } c && c.Confidence >= minClassificationConfidence;

    /// <summary>The readings of field <paramref name="name"/> on the documents that may speak for the others
    /// (<see cref="CanWitness"/>), with the document each is on.</summary>
    internal static IEnumerable<(AnalyzedDocument Document, ExtractedField Field)> Readings(IEnumerable<AnalyzedDocument> documents, string name,
        double minClassificationConfidence) =>
        documents.Where(d => CanWitness(d, minClassificationConfidence))
            .Select(d => (Document: d, Field: d.Field(name)))
            .Where(r => r.Field is not null)
            .Select(r => (r.Document, r.Field!));

    /// <summary>The documents that vouch for one value read alike (each reading's document and field): one reading at
    /// <paramref name="sureConfidence"/> or more with no failed check, else two photographs reading it with no failed check
    /// (two photographs misread into the same other value are far less likely than one); none when neither.</summary>
    internal static List<AnalyzedDocument> Witnesses(IEnumerable<(AnalyzedDocument Document, ExtractedField Field)> readings, double sureConfidence)
    {
        var clean = readings.Where(r => r.Field.Checks.All(k => k.Passed)).ToList();
        if (clean.FirstOrDefault(r => r.Field.Confidence >= sureConfidence).Document is { } sure) return [sure];
        var photographs = clean.Select(r => r.Document).DistinctBy(Photograph).ToList();
        return photographs.Count >= 2 ? photographs : [];
    }

    /// <summary>The document with <paramref name="field"/> read as <paramref name="normalized"/> because the claim's other
    /// documents say so: what was read stays as its value, the confidence is capped at <paramref name="settledConfidence"/>
    /// (the witnesses say which value was meant, not that this page printed it), and a passed <paramref name="check"/>
    /// check says why.</summary>
    internal static AnalyzedDocument Take(AnalyzedDocument document, ExtractedField field, string normalized, double settledConfidence,
        string check, string message) =>
        document with
        {
            Fields = new Dictionary<string, ExtractedField>(document.Fields, StringComparer.Ordinal)
            {
                [field.Name] = field with
                {
                    Normalized = normalized,
                    Confidence = Math.Min(field.Confidence, settledConfidence),
                    Checks = [.. field.Checks, new FieldCheck(check, true, message)],
                },
            },
        };

    /// <summary>The field of a document when the claim settled it (it carries the <paramref name="check"/> check).</summary>
    internal static ExtractedField? SettledField(AnalyzedDocument document, string name, string check) =>
        document.Field(name) is { } f && f.Checks.Any(c => c.Name == check) ? f : null;

    /// <summary>"a.jpg reads" or "a.jpg and b.jpg read": the witnesses as a sentence's subject.</summary>
    internal static string WitnessesRead(List<AnalyzedDocument> witnesses) =>
        $"{string.Join(" and ", witnesses.Select(w => w.FileName))} in the same claim read{(witnesses.Count == 1 ? "s" : "")}";

    /// <summary>One photograph however often it was uploaded (its image hash; its document id where none is known): the
    /// same image read twice repeats one reading's misreads, so it is one witness.</summary>
    internal static string Photograph(AnalyzedDocument document) =>
        string.IsNullOrEmpty(document.Sha256) ? $"id:{document.DocumentId}" : document.Sha256;
}
