using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Normalization;

namespace ClaimVision.Intelligence.Extraction;

/// <summary>
/// Parses an itemised table: finds the header row by its column words (名称/数量/单价/金额, Description/Qty/Price/Amount;
/// a row of only an item and an amount heading for the two-column tables of invoices),
/// takes each number in a body row into the column whose header is nearest horizontally, and stops at the total row.
/// </summary>
public static class LineItemTable
{
    private enum Column { Description, Quantity, UnitPrice, Amount, Category, Ratio }

    private static readonly (Column Column, string[] Words)[] Headers =
    [
        (Column.Description, ["项目名称", "收费项目", "药品名称", "名称", "项目", "品名", "Description", "Item", "Service"]),
        (Column.Quantity, ["数量", "Qty", "Quantity", "Units"]),
        (Column.UnitPrice, ["单价", "Unit Price", "Price", "Rate"]),
        (Column.Amount, ["金额", "Amount", "Charges", "Charge"]),
        (Column.Category, ["类别", "甲乙类", "医保类别", "等级", "Class", "Category", "Code"]),
        (Column.Ratio, ["自付比例", "报销比例", "比例", "Copay %", "Coinsurance"]),
    ];

    /// <summary>Confidence factor of an item whose name and figures were paired by order (<see cref="Halves"/>).</summary>
    private const double PairedByOrder = 0.8;

    private static readonly string[] EndWords = ["合计", "总计", "小计", "本页合计", "Total", "Subtotal", "Grand Total"];

    public static IReadOnlyList<LineItem> Parse(DocumentView view)
    {
        var rows = view.Rows();
        var items = new List<LineItem>();
        for (var r = 0; r < rows.Count; r++)
        {
            var columns = HeaderColumns(rows[r]);
            if (columns is null) continue;
            var table = new List<LineItem>();
            var names = new List<IReadOnlyList<LineView>>();
            var figures = new List<IReadOnlyList<LineView>>();
            for (r++; r < rows.Count; r++)
            {
                var row = rows[r];
                var text = LabelIndex.Compact(string.Concat(row.Select(l => l.Text)));
                if (EndWords.Any(w => text.StartsWith(LabelIndex.Compact(w), StringComparison.OrdinalIgnoreCase))) break;
                if (HeaderColumns(row) is not null) { r--; break; }
                var cells = Read(row, columns);
                if (Item(row, cells) is { } item) table.Add(item);
                else if (cells.Description.Count > 0) names.Add(row);
                else if (cells.Values.ContainsKey(Column.Amount)) figures.Add(row);
            }
            table.AddRange(Halves(names, figures, columns));
            items.AddRange(table.OrderBy(i => i.Page).ThenBy(i => i.Box?.Y ?? 0));
        }
        return items;
    }

    /// <summary>
    /// Items of the rows OCR read as two halves, the names apart from their figures (a column returned as its own block,
    /// or amounts printed higher in their cells than the names beside them): when a table left as many name-only rows as
    /// figure-only rows, the k-th name goes with the k-th figures, top to bottom. Otherwise they stay unpaired.
    /// </summary>
    private static IEnumerable<LineItem> Halves(List<IReadOnlyList<LineView>> names, List<IReadOnlyList<LineView>> figures, Dictionary<Column, double> columns)
    {
        if (names.Count == 0 || names.Count != figures.Count) yield break;
        foreach (var (name, figure) in names.Zip(figures))
        {
            IReadOnlyList<LineView> joined = [.. name.Concat(figure).OrderBy(l => l.Box.X)];
            // Paired by order, not by position: a name lost in one row and a wrapped line in another would shift the pairs.
            if (Item(joined, Read(joined, columns)) is { } item) yield return item with { Confidence = item.Confidence * PairedByOrder };
        }
    }

    private static Dictionary<Column, double>? HeaderColumns(IReadOnlyList<LineView> row)
    {
        var found = new Dictionary<Column, double>();
        foreach (var line in row)
        {
            var compact = line.Text.Replace(" ", "", StringComparison.Ordinal);
            foreach (var (column, words) in Headers)
            {
                if (found.ContainsKey(column)) continue;
                var word = words.FirstOrDefault(w => compact.Contains(w.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
                if (word is null) continue;
                var at = line.Text.IndexOf(word[0]);
                var span = at >= 0 ? line.Slice(at, Math.Min(line.Text.Length, at + word.Length)) : line.Whole();
                found[column] = span.Box.X + span.Box.Width / 2.0;
            }
        }
        // Two columns (what was charged, how much) head the short tables of invoices; such a row must hold nothing but its
        // headings, so a label line that happens to name an item and an amount ("Amount due: 12.00") is not taken for one.
        return found.ContainsKey(Column.Amount) && (found.Count >= 3 || found.ContainsKey(Column.Description) && HeadingsOnly(row)) ? found : null;
    }

    private static bool HeadingsOnly(IReadOnlyList<LineView> row)
    {
        var text = string.Concat(row.Select(l => l.Text));
        return !text.Any(char.IsAsciiDigit) && !text.Contains(':') && !text.Contains('：') && LabelIndex.Compact(text).Length <= 24;
    }

    /// <summary>What a body row holds, cell by cell: numbers by nearest numeric column, the rest as description words.</summary>
    private sealed record RowCells(Dictionary<Column, decimal> Values, List<string> Description, string? Category, List<TextSpan> Spans);

    private static RowCells Read(IReadOnlyList<LineView> row, Dictionary<Column, double> columns)
    {
        var numeric = columns.Where(c => c.Key is Column.Quantity or Column.UnitPrice or Column.Amount or Column.Ratio).ToList();
        var values = new Dictionary<Column, decimal>();
        var description = new List<string>();
        string? category = null;
        var spans = new List<TextSpan>();
        foreach (var line in row)
        {
            var cursor = 0;
            foreach (var m in AmountNormalizer.FindAll(line.Text))
            {
                var span = line.Slice(m.Index, m.Index + m.Length);
                var x = span.Box.X + span.Box.Width / 2.0;
                var nearest = numeric.MinBy(c => Math.Abs(c.Value - x));
                // A number left of every numeric column belongs to the description (a code, a dose).
                if (x < numeric.Min(c => c.Value) - span.Box.Width * 2 && columns.ContainsKey(Column.Description)) continue;
                AddText(line, cursor, m.Index, description, ref category);
                cursor = m.Index + m.Length;
                // A percentage is a self-pay or reimbursement ratio, never a quantity, price or amount.
                if (nearest.Key == Column.Ratio || IsPercentage(line.Text, m.Index + m.Length))
                {
                    cursor = SkipPercentSign(line.Text, cursor);
                    continue;
                }
                values.TryAdd(nearest.Key, m.Value);
                spans.Add(span);
            }
            AddText(line, cursor, line.Text.Length, description, ref category);
            spans.Add(line.Whole());
        }
        return new RowCells(values, description, category, spans);
    }

    /// <summary>The row's item, or null when it lacks an amount or a description.</summary>
    private static LineItem? Item(IReadOnlyList<LineView> row, RowCells cells)
    {
        var (values, description, category, spans) = cells;
        if (!values.TryGetValue(Column.Amount, out var amount) || description.Count == 0) return null;
        decimal? qty = values.TryGetValue(Column.Quantity, out var q) ? q : null;
        decimal? price = values.TryGetValue(Column.UnitPrice, out var p) ? p : null;
        var consistent = qty is null || price is null || Math.Abs(qty.Value * price.Value - amount) <= 0.011m;
        var box = spans.Select(s => s.Box).Aggregate(BoundingBox.Union);
        return new LineItem
        {
            Description = TextCleanup.CollapseWhitespace(string.Join(' ', description)),
            Quantity = qty,
            UnitPrice = price,
            Amount = amount,
            Category = category,
            Confidence = row.Average(l => l.Line.Confidence) * (consistent ? 1 : 0.6),
            Box = box,
            Page = row[0].Page,
        };
    }

    private static bool IsPercentage(string text, int end) => SkipPercentSign(text, end) > end;

    private static int SkipPercentSign(string text, int at)
    {
        var i = at;
        while (i < text.Length && text[i] == ' ') i++;
        return i < text.Length && text[i] is '%' or '％' ? i + 1 : at;
    }

    private static void AddText(LineView line, int from, int to, List<string> description, ref string? category)
    {
        if (to <= from) return;
        foreach (var token in line.Text[from..to].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var t = token.Trim('|', ':');
            if (t.Length == 0) continue;
            if (t is "甲" or "乙" or "丙" or "甲类" or "乙类" or "丙类") { category ??= t[..1]; continue; }
            if (!t.Any(char.IsLetter)) continue;
            description.Add(t);
        }
    }
}
