using ClaimVision.Domain.Claims;

namespace ClaimVision.Domain.Assessment;

/// <summary>
/// Builds <see cref="Factor"/>s with the effects the decision rules read: a failed factor rejects, an uncertain one
/// sends the claim to review, a passing one has no effect. The weight is how sure the factor is of its own
/// conclusion: the lowest confidence among the document readings in its evidence, 1 when it rests on registry or policy facts.
/// </summary>
public static class Factors
{
    public const string Reject = "reject";
    public const string Review = "review";
    public const string None = "none";

    public static Factor Pass(string name, string reason, params IEnumerable<Evidence> evidence) => Make(name, FactorStatus.Pass, None, reason, evidence);

    public static Factor Fail(string name, string reason, params IEnumerable<Evidence> evidence) => Make(name, FactorStatus.Fail, Reject, reason, evidence);

    public static Factor Uncertain(string name, string reason, params IEnumerable<Evidence> evidence) => Make(name, FactorStatus.Uncertain, Review, reason, evidence);

    private static Factor Make(string name, FactorStatus status, string effect, string reason, IEnumerable<Evidence> evidence)
    {
        var list = evidence.ToList();
        return new Factor
        {
            Name = name,
            Status = status,
            Effect = effect,
            Weight = list.Select(e => e.Confidence ?? 1).DefaultIfEmpty(1).Min(),
            Reason = reason,
            Evidence = list,
        };
    }

    /// <summary>Registry, policy or claim-form evidence that is not read off an image.</summary>
    public static Evidence Source(string source, string? field = null, string? value = null) => new() { Source = source, Field = field, Value = value };
}

/// <summary>One group of checks on a claim (identity, eligibility …). Rules are pure and independent of each other.</summary>
public interface IFactorRule
{
    IEnumerable<Factor> Evaluate(AssessmentContext context);
}
