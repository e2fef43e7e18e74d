using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using static ClaimVision.Domain.Assessment.AssessmentContext;

namespace ClaimVision.Domain.Assessment;

/// <summary>
/// Dates: admission is not after discharge, the documents agree on the admission and discharge dates, bills are
/// not dated before the admission, and nothing is dated in the future. Contradictions are uncertain: a misread
/// digit is likelier than fraud, and either way a person must look. (Whether the dates fall inside the policy
/// period is eligibility's question.)
/// </summary>
public sealed class DatesRule : IFactorRule
{
    public const string Name = "dates";

    public IEnumerable<Factor> Evaluate(AssessmentContext context)
    {
        if (context.ServiceDate is null)
        {
            yield return Factors.Uncertain(Name, "No admission date or bill date could be read.");
            yield break;
        }
        var problems = new List<string>();
        var evidence = new List<Evidence>();
        var admissions = Dated(context, FieldNames.AdmissionDate);
        var discharges = Dated(context, FieldNames.DischargeDate);
        Disagreement(admissions, "admission", problems, evidence);
        Disagreement(discharges, "discharge", problems, evidence);
        if (admissions.Count > 0 && discharges.Count > 0)
        {
            var admitted = admissions.Min(a => a.Date);
            var discharged = discharges.Max(d => d.Date);
            if (admitted > discharged)
            {
                problems.Add($"admission {Iso(admitted)} is after discharge {Iso(discharged)}");
                evidence.AddRange(admissions.Concat(discharges).Select(x => Evidence(x.Document, x.Field)));
            }
            foreach (var bill in Dated(context, FieldNames.DocumentDate).Where(b => context.Bills.Contains(b.Document) && b.Date < admitted))
            {
                problems.Add($"{bill.Document.FileName} is dated {Iso(bill.Date)}, before the admission on {Iso(admitted)}");
                evidence.Add(Evidence(bill.Document, bill.Field));
            }
        }
        var today = DateOnly.FromDateTime(context.Now.UtcDateTime);
        foreach (var future in context.Trusted.SelectMany(d => d.Fields.Values.Select(f => (d, f)))
                     .Where(x => x.f.Name.EndsWith("Date", StringComparison.Ordinal) && x.f.Name != FieldNames.PatientBirthDate && Date(x.f) > today))
        {
            problems.Add($"{future.f.Name} on {future.d.FileName} ({Iso(Date(future.f))}) is in the future");
            evidence.Add(Evidence(future.d, future.f));
        }
        var reread = Reread(context);
        if (problems.Count > 0)
            yield return Factors.Uncertain(Name, "Dates contradict each other: " + string.Join("; ", problems) + "." + reread.Note, [.. evidence, .. reread.Evidence]);
        else
        {
            var service = context.ServiceDate.Value;
            var stay = discharges.Count > 0 ? $", discharged {Iso(discharges[0].Date)}" : "";
            yield return Factors.Pass(Name, $"Dates are consistent: admitted or served {Iso(service.Date)}{stay}." + reread.Note,
                [.. admissions.Concat(discharges).Select(x => Evidence(x.Document, x.Field)).DefaultIfEmpty(Evidence(service.Document, service.Field)), .. reread.Evidence]);
        }
    }

    /// <summary>The dates the claim read in the order its other documents prove (<see cref="ClaimDateOrder"/>), said in the
    /// reason with their evidence, so a reader of the recommendation sees why a date differs from its document's report.</summary>
    private static (string Note, List<Evidence> Evidence) Reread(AssessmentContext context)
    {
        var fields = context.Trusted.SelectMany(d => ClaimDateOrder.Reread(d).Select(f => (d, f))).ToList();
        if (fields.Count == 0) return ("", []);
        var order = fields[0].d.DateOrder!;
        return ($" Read {DocumentDateOrder.Describe(order.Order)}, as {order.Proof}: "
                + string.Join(", ", fields.Select(x => $"{x.d.FileName} {x.f.Name} {x.f.Value} = {x.f.Normalized}")) + ".",
            [.. fields.Select(x => Evidence(x.d, x.f))]);
    }

    private static List<(AnalyzedDocument Document, ExtractedField Field, DateOnly Date)> Dated(AssessmentContext context, string field) =>
        [.. context.Readings(field).Where(r => Date(r.Field) is not null).Select(r => (r.Document, r.Field, Date(r.Field)!.Value))];

    private static void Disagreement(List<(AnalyzedDocument Document, ExtractedField Field, DateOnly Date)> readings, string what, List<string> problems, List<Evidence> evidence)
    {
        if (readings.Select(r => r.Date).Distinct().Count() <= 1) return;
        problems.Add($"the documents disagree on the {what} date (" + string.Join(", ", readings.Select(r => $"{r.Document.FileName}: {Iso(r.Date)}")) + ")");
        evidence.AddRange(readings.Select(r => Evidence(r.Document, r.Field)));
    }
}
