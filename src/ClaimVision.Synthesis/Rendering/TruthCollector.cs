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
}
