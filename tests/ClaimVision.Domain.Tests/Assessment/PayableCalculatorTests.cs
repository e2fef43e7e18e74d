using ClaimVision.Domain.Assessment;
using ClaimVision.Domain.Policies;
using FsCheck;
using FsCheck.Fluent;

namespace ClaimVision.Domain.Tests.Assessment;

public class PayableCalculatorTests
{
    /// <summary>A random policy arithmetic (all money in cents, ratio in hundredths) and claim situation.</summary>
    public sealed record Situation(long EligibleCents, long DeductibleCents, bool PerYear, long DeductibleUsedCents, int RatioHundredths,
        long PerClaimCents, long PerYearCents, long PaidCents)
    {
        public Policy Policy => Claims.CnPolicy with
        {
            Deductible = new DeductibleRule { Amount = DeductibleCents / 100m, Per = PerYear ? DeductiblePer.Year : DeductiblePer.Claim },
            Ratio = new ReimbursementRatio { Default = RatioHundredths / 100m },
            Caps = new Caps { PerClaim = PerClaimCents / 100m, PerYear = PerYearCents / 100m },
        };

        public PayableInput Input => new(EligibleCents / 100m, null, PaidCents / 100m, DeductibleUsedCents / 100m);

        /// <summary>The same arithmetic done independently in integers: value in 1/10 000 units, rounded half up to cents.</summary>
        public long ReferenceCents()
        {
            var deductible = PerYear ? Math.Max(0, DeductibleCents - DeductibleUsedCents) : DeductibleCents;
            var after = EligibleCents - Math.Min(EligibleCents, deductible);
            var cents = (after * RatioHundredths + 50) / 100;
            return Math.Min(cents, Math.Min(PerClaimCents, Math.Max(0, PerYearCents - PaidCents)));
        }
    }

    private static readonly Gen<Situation> Cases =
        from eligible in Gen.Choose(0, 10_000_000)
        from deductible in Gen.Choose(0, 100_000)
        from perYear in Gen.Elements(true, false)
        from used in Gen.Choose(0, 150_000)
        from ratio in Gen.Choose(0, 100)
        from perClaim in Gen.Choose(1, 5_000_000)
        from yearCap in Gen.Choose(1, 8_000_000)
        from paid in Gen.Choose(0, 9_000_000)
        select new Situation(eligible, deductible, perYear, used, ratio, perClaim, yearCap, paid);

    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(2000);

    private static decimal Pay(Situation c, long? eligibleCents = null) =>
        PayableCalculator.Compute(c.Input with { Eligible = (eligibleCents ?? c.EligibleCents) / 100m }, c.Policy).Payable;

    [Fact]
    public void Payable_is_never_negative_and_never_exceeds_the_caps_or_the_eligible_expenses()
    {
        Check.One(Many, Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var p = Pay(c);
            return p >= 0 && p <= c.PerClaimCents / 100m && p <= Math.Max(0, c.PerYearCents - c.PaidCents) / 100m && p <= c.EligibleCents / 100m;
        }));
    }

    [Fact]
    public void Payable_is_exact_to_the_cent()
    {
        Check.One(Many, Prop.ForAll(Cases.ToArbitrary(), c => Pay(c) == c.ReferenceCents() / 100m));
    }

    [Fact]
    public void Payable_is_monotone_non_decreasing_in_eligible_expenses()
    {
        var pairs = from c in Cases from more in Gen.Choose(0, 2_000_000) select (c, more);
        Check.One(Many, Prop.ForAll(pairs.ToArbitrary(), t => Pay(t.c) <= Pay(t.c, t.c.EligibleCents + t.more)));
    }

    [Fact]
    public void The_last_step_is_the_payable_and_every_step_names_its_clause()
    {
        Check.One(Many, Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var r = PayableCalculator.Compute(c.Input, c.Policy);
            return r.Steps[^1].Amount == r.Payable && r.Steps.All(s => s.Clause.Length > 0) && r.DeductibleApplied >= 0;
        }));
    }

    [Fact]
    public void A_worked_example_shows_each_step()
    {
        var policy = Claims.CnPolicy;
        var r = PayableCalculator.Compute(new PayableInput(3670.25m, "county"), policy);
        Assert.Equal(
            [("after deductible", 3370.25m), ("after reimbursement ratio", 2022.150m), ("after per-claim cap", 2022.150m), ("after per-year cap", 2022.150m), ("payable", 2022.15m)],
            r.Steps.Select(s => (s.Step, s.Amount)));
        Assert.Equal(300m, r.DeductibleApplied);
    }

    [Fact]
    public void Half_a_cent_rounds_away_from_zero()
    {
        var policy = Claims.CnPolicy with { Deductible = new DeductibleRule { Amount = 0, Per = DeductiblePer.Claim }, Ratio = new ReimbursementRatio { Default = 0.5m } };
        Assert.Equal(0.01m, PayableCalculator.Compute(new PayableInput(0.01m), policy).Payable);
        Assert.Equal(1234.57m, PayableCalculator.Compute(new PayableInput(2469.13m), policy).Payable);
    }

    [Fact]
    public void A_yearly_deductible_is_consumed_only_once()
    {
        var policy = Claims.UsPolicy; // 100.00 per year
        var first = PayableCalculator.Compute(new PayableInput(60m, "in-network", 0, 0), policy);
        Assert.Equal((60m, 0m), (first.DeductibleApplied, first.Payable));
        var second = PayableCalculator.Compute(new PayableInput(80m, "in-network", 0, 60m), policy);
        Assert.Equal(40m, second.DeductibleApplied);
        Assert.Equal(40m, second.Payable);
    }
}
