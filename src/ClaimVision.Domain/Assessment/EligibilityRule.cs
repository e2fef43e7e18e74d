using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Identity;
using ClaimVision.Domain.Privacy;
using static ClaimVision.Domain.Assessment.AssessmentContext;

namespace ClaimVision.Domain.Assessment;

/// <summary>
/// Eligibility: the person is enrolled in this policy (and in a registered household when the policy asks),
/// was of insurable age on the day of admission, lives in a covered region, and was admitted within the policy period.
/// Facts come from the registry first, the claim form second; dates from the documents.
/// </summary>
public sealed class EligibilityRule : IFactorRule
{
    public const string RegistryFactor = "eligibility.registry";
    public const string AgeFactor = "eligibility.age";
    public const string RegionFactor = "eligibility.region";
    public const string PeriodFactor = "eligibility.period";

    public IEnumerable<Factor> Evaluate(AssessmentContext context)
    {
        yield return Registry(context);
        yield return Age(context);
        yield return Region(context);
        yield return Period(context);
    }

    private static Factor Registry(AssessmentContext context)
    {
        var policy = context.Policy;
        var id = Mask.IdNumber(context.Claim.Insured.IdNumber);
        if (context.Registry.Entries.Count == 0)
            return Factors.Uncertain(RegistryFactor, "No registry of insured people was supplied, so enrolment cannot be checked.");
        if (context.Entry is not { } entry)
        {
            var elsewhere = context.Registry.ByIdNumber(context.Claim.Insured.IdNumber);
            var note = elsewhere.Count > 0 ? $" (enrolled only in {string.Join(", ", elsewhere.Select(e => e.PolicyId))})" : "";
            return Factors.Fail(RegistryFactor, $"ID number {id} is not enrolled in policy {policy.Id}{note}.", Factors.Source("registry", "idNumber", context.Claim.Insured.IdNumber));
        }
        var evidence = Factors.Source(entry.Source, "enrolment", $"{entry.PolicyId} {Iso(entry.From)}..{Iso(entry.To)}");
        if (policy.Insurable.RequireRegisteredHousehold && string.IsNullOrEmpty(entry.HouseholdId))
            return Factors.Fail(RegistryFactor, $"Policy {policy.Id} covers registered households only; the enrolment of {id} names no household.", evidence);
        if (context.ServiceDate is { } service && !entry.CoversDay(service.Date))
            return Factors.Fail(RegistryFactor, $"Admission on {Iso(service.Date)} is outside the enrolment ({Iso(entry.From)} to {Iso(entry.To)}).",
                evidence, AssessmentContext.Evidence(service.Document, service.Field));
        var household = entry.HouseholdId is null ? "" : $", household {entry.HouseholdId}";
        return Factors.Pass(RegistryFactor, $"Enrolled in {policy.Id} from {Iso(entry.From)} to {Iso(entry.To)}{household}.", evidence);
    }

    private static Factor Age(AssessmentContext context)
    {
        var (birth, birthEvidence) = BirthDate(context);
        if (birth is null) return Factors.Uncertain(AgeFactor, "The birth date of the insured person is unknown (no registry entry, no valid resident ID, none on the claim).");
        if (context.ServiceDate is not { } service)
            return Factors.Uncertain(AgeFactor, "No admission or service date could be read, so the age at admission is unknown.", birthEvidence);
        var age = ResidentId.AgeOn(birth.Value, service.Date);
        var ins = context.Policy.Insurable;
        Evidence[] evidence = [birthEvidence, AssessmentContext.Evidence(service.Document, service.Field)];
        return age >= ins.MinAge && age <= ins.MaxAge
            ? Factors.Pass(AgeFactor, $"Aged {age} on admission ({Iso(service.Date)}); the policy insures ages {ins.MinAge}–{ins.MaxAge}.", evidence)
            : Factors.Fail(AgeFactor, $"Aged {age} on admission ({Iso(service.Date)}), outside the insurable ages {ins.MinAge}–{ins.MaxAge}.", evidence);
    }

    private static (DateOnly?, Evidence) BirthDate(AssessmentContext context)
    {
        if (context.Entry is { } entry) return (entry.BirthDate, Factors.Source(entry.Source, "birthDate", Iso(entry.BirthDate)));
        if (ResidentId.TryParse(context.Claim.Insured.IdNumber, out var rid, out _))
            return (rid!.BirthDate, Factors.Source("claim.json", "insured.idNumber (birth date part)", Iso(rid.BirthDate)));
        var stated = context.Claim.Insured.BirthDate;
        return (stated, Factors.Source("claim.json", "insured.birthDate", Iso(stated)));
    }

    private static Factor Region(AssessmentContext context)
    {
        var regions = context.Policy.Insurable.Regions;
        if (regions.Count == 0) return Factors.Pass(RegionFactor, "The policy has no regional restriction.");
        var (code, evidence) = context.Entry?.CountyCode is { } county
            ? (county, Factors.Source(context.Entry.Source, "countyCode", county))
            : context.Claim.Insured.Region?.Code is { } stated
                ? (stated, Factors.Source("claim.json", "insured.region.code", stated))
                : ResidentId.TryParse(context.Claim.Insured.IdNumber, out var rid, out _)
                    ? (rid!.RegionCode, Factors.Source("claim.json", "insured.idNumber (region part)", rid.RegionCode))
                    : ((string?)null, Factors.Source("claim.json", "insured.region", null));
        if (code is null) return Factors.Uncertain(RegionFactor, "The insured person's region is unknown.", evidence);
        var covering = regions.FirstOrDefault(r => RegionCode.Covers(r.Code, code));
        return covering is not null
            ? Factors.Pass(RegionFactor, $"Region {code} is covered ({covering.Name}).", evidence)
            : Factors.Fail(RegionFactor, $"Region {code} is not among the covered regions ({string.Join(", ", regions.Select(r => r.Code))}).", evidence);
    }

    private static Factor Period(AssessmentContext context)
    {
        var period = context.Policy.Period;
        if (context.ServiceDate is not { } service)
            return Factors.Uncertain(PeriodFactor, "No admission or service date could be read, so the policy period cannot be checked.");
        var evidence = AssessmentContext.Evidence(service.Document, service.Field);
        return period.Contains(service.Date)
            ? Factors.Pass(PeriodFactor, $"Admitted on {Iso(service.Date)}, within the policy period {Iso(period.From)} to {Iso(period.To)}.", evidence)
            : Factors.Fail(PeriodFactor, $"Admitted on {Iso(service.Date)}, outside the policy period {Iso(period.From)} to {Iso(period.To)}.", evidence);
    }
}
