using System.Globalization;
using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Json;
using ClaimVision.Domain.Policies;
using static ClaimVision.Domain.Assessment.AssessmentContext;

namespace ClaimVision.Domain.Assessment;

/// <summary>What the payable computation starts from.</summary>
/// <param name="Eligible">Eligible expenses under the policy's expense basis, in the policy currency.</param>
/// <param name="HospitalLevel">The provider's level key, choosing the reimbursement ratio; null for the default.</param>
/// <param name="PaidThisYear">Already paid to this insured under this policy in the same calendar year.</param>
/// <param name="DeductibleUsedThisYear">Deductible already consumed this year (per-year deductibles only).</param>
public sealed record PayableInput(decimal Eligible, string? HospitalLevel = null, decimal PaidThisYear = 0, decimal DeductibleUsedThisYear = 0);

/// <summary>The payable amount and every step that led to it.</summary>
public sealed record PayableComputation(decimal Payable, decimal DeductibleApplied, IReadOnlyList<ComputationStep> Steps);

/// <summary>
/// Exact decimal arithmetic from eligible expenses to the payable amount: deductible → ratio → per-claim cap →
/// remaining per-year cap → rounding to the cent (half away from zero, 四舍五入). Caps and deductibles are whole
/// cents (the policy loader checks), so rounding last can never lift the result above a cap.
/// </summary>
public static class PayableCalculator
{
    public static PayableComputation Compute(PayableInput input, Policy policy)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(policy);
        if (input.Eligible < 0) throw new ArgumentOutOfRangeException(nameof(input), "Eligible expenses cannot be negative.");
        var steps = new List<ComputationStep>();
        var amount = input.Eligible;

        var deductible = policy.Deductible;
        var remainingDeductible = deductible.Per == DeductiblePer.Year ? Math.Max(0, deductible.Amount - input.DeductibleUsedThisYear) : deductible.Amount;
        var applied = Math.Min(amount, remainingDeductible);
        amount -= applied;
        var per = KebabCaseEnumConverterNames.Of(deductible.Per);
        var deductibleDetail = deductible.Per == DeductiblePer.Year
            ? $"{Money(deductible.Amount)} per year, {Money(input.DeductibleUsedThisYear)} already used; {Money(applied)} applied"
            : $"{Money(applied)} applied";
        steps.Add(new ComputationStep { Step = "after deductible", Clause = $"deductible: {Money(deductible.Amount)} per {per}", Amount = amount, Detail = deductibleDetail });

        var ratio = policy.Ratio.For(input.HospitalLevel);
        amount *= ratio;
        var levelText = input.HospitalLevel is not null && policy.Ratio.ByHospitalLevel.ContainsKey(input.HospitalLevel) ? $"hospital level {input.HospitalLevel}" : "default";
        steps.Add(new ComputationStep { Step = "after reimbursement ratio", Clause = $"ratio: {Percent(ratio)} ({levelText})", Amount = amount, Detail = $"{Money(input.Eligible - applied)} × {ratio.ToString(CultureInfo.InvariantCulture)}" });

        if (policy.Caps.PerClaim is { } perClaim)
        {
            var capped = Math.Min(amount, perClaim);
            steps.Add(new ComputationStep { Step = "after per-claim cap", Clause = $"caps.perClaim: {Money(perClaim)}", Amount = capped, Detail = capped < amount ? "capped" : "under the cap" });
            amount = capped;
        }
        if (policy.Caps.PerYear is { } perYear)
        {
            var remaining = Math.Max(0, perYear - input.PaidThisYear);
            var capped = Math.Min(amount, remaining);
            steps.Add(new ComputationStep { Step = "after per-year cap", Clause = $"caps.perYear: {Money(perYear)}", Amount = capped, Detail = $"{Money(input.PaidThisYear)} paid earlier this year, {Money(remaining)} remaining; " + (capped < amount ? "capped" : "under the cap") });
            amount = capped;
        }
        var payable = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        steps.Add(new ComputationStep { Step = "payable", Clause = "rounding: to the cent, half away from zero", Amount = payable, Detail = amount == payable ? "no rounding needed" : $"{amount.ToString(CultureInfo.InvariantCulture)} rounded" });
        return new PayableComputation(payable, applied, steps);
    }

    private static string Percent(decimal ratio) => (ratio * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
