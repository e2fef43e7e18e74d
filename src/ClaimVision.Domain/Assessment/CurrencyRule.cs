using System.Globalization;
using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using static ClaimVision.Domain.Assessment.AssessmentContext;

namespace ClaimVision.Domain.Assessment;

/// <summary>
/// Currency: the amounts the payable is computed from must be in the policy's currency. A bill printed in another
/// currency (a Hong Kong hospital's HK$, a US clinic's $) would otherwise be summed as if it were yuan; converting it
/// needs the rate of the treatment date and the policy's rule for foreign treatment, which is an adjuster's call, so the
/// claim goes to review naming each such document. Documents that print no currency are taken to be in the policy's.
/// </summary>
public sealed class CurrencyRule : IFactorRule
{
    public const string Name = "currency";

    public IEnumerable<Factor> Evaluate(AssessmentContext context)
    {
        var policyCurrency = context.Policy.Currency;
        var stated = context.Trusted
            .Select(d => (Doc: d, Field: d.Field(FieldNames.Currency)))
            .Where(x => x.Field?.Normalized is { Length: 3 })
            .ToList();
        var foreign = stated.Where(x => !string.Equals(x.Field!.Normalized, policyCurrency, StringComparison.OrdinalIgnoreCase)).ToList();
        if (foreign.Count > 0)
        {
            var named = string.Join("; ", foreign.Select(x => $"{x.Doc.FileName} prints amounts in {x.Field!.Normalized}"));
            yield return Factors.Uncertain(Name,
                $"{named}; the policy pays in {policyCurrency}: the amounts need converting at the rate of the treatment date before a payable amount can be set.",
                foreign.Select(x => Evidence(x.Doc, x.Field!)));
            yield break;
        }
        yield return Factors.Pass(Name, stated.Count == 0
            ? $"No document prints a currency; amounts are taken as {policyCurrency}, the policy's currency."
            : string.Create(CultureInfo.InvariantCulture, $"The {stated.Count} document(s) that print a currency print {policyCurrency}, the policy's currency."));
    }
}
