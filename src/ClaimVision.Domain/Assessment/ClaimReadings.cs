using ClaimVision.Domain.Documents;

namespace ClaimVision.Domain.Assessment;

/// <summary>
/// What the documents of one claim settle for each other before any rule looks at them: the order of an all-numeric
/// date a page left open (<see cref="ClaimDateOrder"/>), a diagnosis a page read too doubtfully to name
/// (<see cref="ClaimDiagnosis"/>) and an ID number a page misread (<see cref="ClaimIdNumber"/>). Claim assessment applies it when it builds its context; the field evaluation applies
/// it to score a generated case as one claim.
/// </summary>
public static class ClaimReadings
{
    /// <param name="minClassificationConfidence">How surely a document must have been classified to speak for the others
    /// (the policy's <c>MinClassificationConfidence</c>).</param>
    public static IReadOnlyList<AnalyzedDocument> Settle(IReadOnlyList<AnalyzedDocument> documents, double minClassificationConfidence = 0) =>
        ClaimIdNumber.Reconcile(
            ClaimDiagnosis.Reconcile(ClaimDateOrder.Reconcile(documents, minClassificationConfidence), minClassificationConfidence),
            minClassificationConfidence);
}
