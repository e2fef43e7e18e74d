using System.Text.RegularExpressions;
using ClaimVision.Domain.Documents;

namespace ClaimVision.Synthesis.Rendering;

/// <summary>Collects labelled fields and line items with their boxes in page pixels while a page is drawn.</summary>
internal sealed class TruthCollector
{
    public Dictionary<string, (string Value, string Normalized, BoundingBox Box)> Fields { get; } = [];
    public List<(LineItemTruth Item, BoundingBox Box)> LineItems { get; } = [];

    /// <summary>Where pictures (a card's portrait) were drawn: no labelled value may lie on one, or its label lies.</summary>
    public List<BoundingBox> Pictures { get; } = [];

    public void Add(Entry entry, BoundingBox box)
    {
        if (entry.Field is null || box.Width == 0) return;
        // First occurrence wins: a value repeated in a footer is the same field, labelled once.
        Fields.TryAdd(entry.Field, (entry.Value, entry.Normalized ?? entry.Value.Trim(), box));
    }

    public void Add(string field, string value, string normalized, BoundingBox box)
    {
        if (box.Width == 0) return;
        Fields.TryAdd(field, (value, normalized, box));
    }

    /// <summary>
    /// Labels the currency of a page that shows it without a 币种 / Currency entry: the first text drawn with a sign or unit
    /// of <paramref name="currency"/> (¥, 元, 人民币, RMB, CNY; $, USD) is where the page shows it. Such a page shows its
    /// currency as surely as one with the entry, and a reader takes it from those marks; without this label the ground
    /// truth said nothing where the page said CNY or USD. Currencies the generator does not print are left unlabelled.
    /// </summary>
    public void AddCurrencyShown(IEnumerable<(string Text, BoundingBox Box)> drawn, string currency)
    {
        if (Fields.ContainsKey(FieldNames.Currency) || !CurrencyMarks.TryGetValue(currency, out var marks)) return;
        foreach (var (text, box) in drawn)
            if (marks.Match(text) is { Success: true } mark)
            {
                Add(FieldNames.Currency, mark.Value, currency, box);
                return;
            }
    }

    private static readonly Dictionary<string, Regex> CurrencyMarks = new(StringComparer.Ordinal)
    {
        ["CNY"] = new(@"[¥￥元]|人民币|RMB|CNY", RegexOptions.Compiled),
        ["USD"] = new(@"(?<![A-Za-z])(?:US)?\$|\bUSD\b", RegexOptions.Compiled),
    };
}
