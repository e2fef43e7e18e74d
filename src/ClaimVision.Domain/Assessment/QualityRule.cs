using System.Globalization;
using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Privacy;
using ClaimVision.Domain.Policies;
using static ClaimVision.Domain.Assessment.AssessmentContext;

namespace ClaimVision.Domain.Assessment;

/// <summary>
/// Quality: every field a decision can rest on must have been read with at least the policy's confidence and pass
/// the extractor's own checks (amount in words = amount in figures, dates valid …). Each one that does not is named,
/// so the adjuster knows exactly what to look at.
/// A doubtful reading is <em>corroborated</em> — and then not a problem — when another trusted document of the claim
/// carries the same field with exactly the same normalised value, read surely and passing its checks (the invoice's
/// total printed again on the expense list): the decision then rests on the sure reading, and two independent
/// misreadings agreeing to the cent are not a risk worth an adjuster's time. The pass reason names the corroboration.
/// </summary>
public sealed class QualityRule : IFactorRule
{
    public const string Name = "quality";

    /// <summary>The fields every decision reads: who, when, which bill, how much in all, what illness, which ratio.</summary>
    private static readonly string[] CommonDecisionFields =
    [
        FieldNames.PatientName, FieldNames.PatientIdNumber, FieldNames.AdmissionDate, FieldNames.DischargeDate,
        FieldNames.DocumentDate, FieldNames.InvoiceNumber, FieldNames.TotalAmount,
        FieldNames.Diagnosis, FieldNames.DiagnosisCode, FieldNames.ProviderLevel,
    ];

    /// <summary>
    /// The fields a misreading of which could change the decision or the amount under <paramref name="basis"/>: the common
    /// ones and the parts of the bill that basis computes with (<see cref="ExpenseFigures"/>): none for the whole bill,
    /// basic and critical-illness insurance's payments for the residual, the out-of-catalogue part for that basis. A part
    /// the basis does not compute with is still read by the amounts rule, whose cross-checks only ever send a claim to a
    /// person when the parts disagree; read unsurely, it cannot make a claim pay more, so it is no reason for review.
    /// </summary>
    public static IReadOnlySet<string> DecisionFields(ExpenseBasis basis) => basis switch
    {
        ExpenseBasis.Total => TotalBasis,
        ExpenseBasis.ResidualAfterBasicAndCritical => ResidualBasis,
        ExpenseBasis.OutOfCatalogueOnly => OutOfCatalogueBasis,
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "No decision fields for this expense basis."),
    };

    private static readonly IReadOnlySet<string> TotalBasis = new HashSet<string>(CommonDecisionFields, StringComparer.Ordinal);
    private static readonly IReadOnlySet<string> ResidualBasis =
        new HashSet<string>([.. CommonDecisionFields, FieldNames.InsurancePaidAmount, FieldNames.CriticalIllnessAmount], StringComparer.Ordinal);
    private static readonly IReadOnlySet<string> OutOfCatalogueBasis = new HashSet<string>([.. CommonDecisionFields, FieldNames.OutOfCatalogueAmount], StringComparer.Ordinal);

    /// <summary>Threshold key (in quality.fieldOverrides) and evidence field name for line items.</summary>
    public const string LineItemsField = "lineItems";

    public IEnumerable<Factor> Evaluate(AssessmentContext context)
    {
        var quality = context.Policy.Quality;
        var problems = new List<string>();
        var evidence = new List<Evidence>();
        var corroborated = new List<string>();
        var read = 0;
        var decisionFields = DecisionFields(context.Policy.ExpenseBasis);
        foreach (var doc in context.Trusted)
        {
            // A bank card's name is the holder's: payee.holder weighs it and lets an unsure reading that agrees pass.
            foreach (var field in doc.Fields.Values.Where(f => decisionFields.Contains(f.Name) && !AssessmentContext.NamesHolder(doc, f)))
            {
                read++;
                var threshold = quality.ThresholdFor(field.Name);
                var failedChecks = field.Checks.Where(c => !c.Passed).ToList();
                if ((field.Confidence < threshold || failedChecks.Count > 0) && SureElsewhere(context, doc, field) is { } other)
                {
                    corroborated.Add($"{field.Name} on {doc.FileName} (\"{Mask.FieldValue(field.Name, field.Value)}\", {field.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}) agrees with {other.FileName}");
                    continue;
                }
                if (field.Confidence < threshold)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"{field.Name} on {doc.FileName} read as \"{Mask.FieldValue(field.Name, field.Value)}\" with confidence {field.Confidence:0.00} (policy requires {threshold:0.00})"));
                    evidence.Add(Evidence(doc, field));
                }
                else if (failedChecks.Count > 0)
                {
                    problems.Add($"{field.Name} on {doc.FileName} fails {string.Join(", ", failedChecks.Select(c => $"{c.Name}: {c.Message}"))}");
                    evidence.Add(Evidence(doc, field));
                }
            }
        }
        if (context.Policy.ExpenseBasis == Policies.ExpenseBasis.OutOfCatalogueOnly)
        {
            // Under this basis the catalogue class and amount of each line item can decide the eligible amount.
            var threshold = quality.ThresholdFor(LineItemsField);
            foreach (var doc in context.OfType(DocumentType.ExpenseList))
            {
                for (var i = 0; i < doc.LineItems.Count; i++)
                {
                    var item = doc.LineItems[i];
                    read++;
                    if (item.Confidence >= threshold) continue;
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"line item {i + 1} ({item.Description} {item.Amount}) on {doc.FileName} read with confidence {item.Confidence:0.00} (policy requires {threshold:0.00})"));
                    evidence.Add(new Evidence
                    {
                        DocumentId = doc.DocumentId.Value, FileName = doc.FileName, Field = $"{LineItemsField}[{i}]", Value = $"{item.Description} {item.Category} {item.Amount}",
                        Box = item.Box, Page = item.Page, Confidence = item.Confidence,
                    });
                }
            }
        }
        if (problems.Count > 0)
            yield return Factors.Uncertain(Name, "Unsure readings the decision depends on: " + string.Join("; ", problems) + ".", evidence);
        else
            yield return Factors.Pass(Name, string.Create(CultureInfo.InvariantCulture, $"All {read} decision-relevant field reading(s) meet the policy's confidence threshold ({quality.MinFieldConfidence:0.00}) and their checks")
                + (corroborated.Count > 0 ? ", or agree exactly with a sure reading on another document: " + string.Join("; ", corroborated) + "." : "."));
    }

    /// <summary>Another trusted document whose sure, check-passing reading of the same field has the same normalised value.</summary>
    private static AnalyzedDocument? SureElsewhere(AssessmentContext context, AnalyzedDocument document, ExtractedField field)
    {
        var value = field.Normalized ?? field.Value;
        if (string.IsNullOrWhiteSpace(value)) return null;
        var threshold = context.Policy.Quality.ThresholdFor(field.Name);
        return context.Trusted.FirstOrDefault(other => other.DocumentId != document.DocumentId
            && other.Fields.TryGetValue(field.Name, out var o)
            && string.Equals(o.Normalized ?? o.Value, value, StringComparison.Ordinal)
            && o.Confidence >= threshold && o.Checks.All(c => c.Passed));
    }

    /// <summary>True when a reading is too unsure for a decision to rest on it.</summary>
    public static bool IsUnsure(Evidence evidence, Policies.Policy policy) =>
        evidence.Field is { } f && evidence.Confidence is { } c && evidence.Source is null &&
        c < policy.Quality.ThresholdFor(f.StartsWith(LineItemsField + "[", StringComparison.Ordinal) ? LineItemsField : f);
}
