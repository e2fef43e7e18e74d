namespace ClaimVision.Synthesis.Rendering;

/// <summary>A printed label and value; when <see cref="Field"/> is set the value's box is labelled with that canonical name.</summary>
internal sealed record Entry(string Label, string Value, string? Field = null, string? Normalized = null, bool Handwritten = false);

/// <summary>One table row; <see cref="Item"/> set for rows that are line items (amount etc. as printed).</summary>
internal sealed record TableRow(IReadOnlyList<string> Cells, LineItemTruth? Item = null);

/// <summary>The values a line-item row carries into ground truth.</summary>
internal sealed record LineItemTruth(string Description, decimal? Quantity, decimal? UnitPrice, decimal Amount, string? Category);

internal sealed record TableSpec(IReadOnlyList<string> Headers, IReadOnlyList<double> Weights, IReadOnlyList<TableRow> Rows);

/// <summary>A red seal: ring text (hospital name), centre text (收费专用章 …), optional star.</summary>
internal sealed record StampSpec(string Ring, string Centre, bool Oval);

/// <summary>What a page says, independent of where it goes: the layout engine places it in one of several styles.</summary>
internal sealed record DocumentSpec
{
    public required string Title { get; init; }
    /// <summary>Set when the title itself is a field (a hospital name heading a discharge summary).</summary>
    public (string Field, string Normalized)? TitleField { get; init; }
    public string? Subtitle { get; init; }
    /// <summary>Labelled fields under the title, laid out in a grid.</summary>
    public IReadOnlyList<Entry> Header { get; init; } = [];
    public TableSpec? Table { get; init; }
    /// <summary>Free-text sections (heading, body); fields inside them are given as entries in <see cref="Header"/> or <see cref="Footer"/>.</summary>
    public IReadOnlyList<(string Heading, string Body)> Sections { get; init; } = [];
    public IReadOnlyList<Entry> Footer { get; init; } = [];
    public StampSpec? Stamp { get; init; }
    /// <summary>Page width, and the least height, in pixels at about 150 dpi; a longer page grows to fit.</summary>
    public int Width { get; init; } = 1240;
    public int MinHeight { get; init; } = 1754;
}
