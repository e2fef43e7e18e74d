using System.Text.RegularExpressions;
using ClaimVision.Domain.Documents;

namespace ClaimVision.Synthesis.Rendering;

/// <summary>Places a <see cref="DocumentSpec"/> on a canvas in a given <see cref="PageStyle"/>: title, field grid,
/// ruled table, free-text sections, footer fields and a seal. Returns how far down the page it wrote.</summary>
internal static partial class PageLayout
{
    [GeneratedRegex(@"^[¥$\d.,%\sUSD-]+$")]
    private static partial Regex NumericCell();

    public static int Draw(Canvas c, DocumentSpec spec, PageStyle s, Random r, TruthCollector truth)
    {
        var left = s.Margin;
        var width = c.Width - 2 * s.Margin;
        var y = s.Margin * (0.6 + r.NextDouble() * 0.6);

        var titleSize = s.Size * (1.5 + r.NextDouble() * 0.4);
        // A heading wider than the page is set smaller, as a till or a print shop fits a long name to the paper: drawn past
        // the edge it was cut off ("ergreen Printing & Statione"), and its ground truth named letters no reader could see.
        var titleWidth = c.Measure(spec.Title, s.BoldFont, titleSize).Width;
        if (titleWidth > width) titleSize *= width / titleWidth;
        var titleBox = c.Text(spec.Title, s.TitleCentered ? c.Width / 2.0 : left, y, s.BoldFont, titleSize, s.Ink, s.TitleCentered ? Align.Center : Align.Left);
        if (spec.TitleField is { } tf) truth.Add(tf.Field, spec.Title, tf.Normalized, titleBox);
        y = titleBox.Bottom + s.Size * 0.6;
        if (spec.Subtitle is { } sub)
        {
            var b = c.Text(sub, s.TitleCentered ? c.Width / 2.0 : left, y, s.Font, s.Size * 0.85, s.Ink, s.TitleCentered ? Align.Center : Align.Left);
            y = b.Bottom + s.Size * 0.6;
        }
        if (r.Next(2) == 0) c.Line(left, y, left + width, y, 1.5, s.Ink);
        y += s.Size * 0.5;

        y = Grid(c, spec.Header, s, left, width, y, truth);
        if (spec.Table is { } table) y = Table(c, table, s, left, width, y + s.Size * 0.5, truth);
        foreach (var (heading, body) in spec.Sections)
        {
            var h = c.Text(heading, left, y + s.Size * 0.4, s.BoldFont, s.Size, s.Ink);
            var b = c.Text(body, left + s.Size, h.Bottom + s.Size * 0.3, s.Font, s.Size * 0.95, s.Ink, Align.Left, width - s.Size);
            y = Math.Max(h.Bottom, b.Bottom) + s.Size * 0.4;
        }
        var footerTop = y + s.Size * 0.5;
        y = Grid(c, spec.Footer, s, left, width, footerTop, truth);
        if (spec.Stamp is { } stamp)
            Seal(c, stamp, left + width * (0.55 + r.NextDouble() * 0.3), Math.Max(footerTop, y - s.Size * 2) + r.Next(-10, 30), s.Size * (3.6 + r.NextDouble()), r);
        return (int)Math.Ceiling(y + s.Margin);
    }

    private static double Grid(Canvas c, IReadOnlyList<Entry> entries, PageStyle s, double left, double width, double y, TruthCollector truth)
    {
        var columnWidth = width / s.Columns;
        var column = 0;
        var rowBottom = y;
        foreach (var e in entries)
        {
            var font = e.Handwritten ? s.HandFont : s.Font;
            var size = e.Handwritten ? s.Size * 1.15 : s.Size;
            var label = e.Label.Length == 0 ? "" : e.Label + s.Separator;
            var (labelWidth, _) = c.Measure(label, s.Font, s.Size);
            var (valueWidth, _) = c.Measure(e.Value, font, size);
            var span = Math.Clamp((int)Math.Ceiling((labelWidth + valueWidth + s.Size) / columnWidth), 1, s.Columns);
            if (column + span > s.Columns)
            {
                column = 0;
                y = rowBottom + s.Size * 0.55;
            }
            var x = left + column * columnWidth;
            var labelBox = c.Text(label, x, y, s.Font, s.Size, s.Ink);
            var maxWidth = column + span == s.Columns ? left + width - x - labelWidth - 6 : 0;
            var valueBox = c.Text(e.Value, x + labelWidth + 6, y, font, size, e.Handwritten ? s.HandInk : s.Ink, Align.Left, maxWidth);
            truth.Add(e, valueBox);
            rowBottom = Math.Max(rowBottom, Math.Max(labelBox.Bottom, valueBox.Bottom));
            column += span;
            if (column >= s.Columns)
            {
                column = 0;
                if (s.RowRules) c.Line(left, rowBottom + s.Size * 0.3, left + width, rowBottom + s.Size * 0.3, 0.8, s.Ink, dashed: true);
                y = rowBottom + s.Size * 0.55;
            }
        }
        return column == 0 ? Math.Max(y, rowBottom) : rowBottom + s.Size * 0.55;
    }

    private static double Table(Canvas c, TableSpec t, PageStyle s, double left, double width, double y, TruthCollector truth)
    {
        var total = t.Weights.Sum();
        var xs = new double[t.Weights.Count + 1];
        xs[0] = left;
        for (var i = 0; i < t.Weights.Count; i++) xs[i + 1] = xs[i] + width * t.Weights[i] / total;
        var rowHeight = s.Size * 2.0;
        var size = s.Size * 0.92;
        var top = y;

        c.FillRectangle(left, y, width, rowHeight, s.HeaderFill);
        // CJK fonts have taller line boxes than Latin ones: centre each row on the measured height.
        var lineHeight = c.Measure("项Ag", s.Font, size).Height;
        for (var i = 0; i < t.Headers.Count; i++)
            c.Text(t.Headers[i], (xs[i] + xs[i + 1]) / 2, y + (rowHeight - lineHeight) / 2, s.BoldFont, size, s.Ink, Align.Center);
        y += rowHeight;
        c.Line(left, y, left + width, y, 1.2, s.Ink);
        foreach (var row in t.Rows)
        {
            var textTop = y + (rowHeight - lineHeight) / 2;
            for (var i = 0; i < row.Cells.Count && i < t.Headers.Count; i++)
            {
                var cell = row.Cells[i];
                var numeric = i > 0 && NumericCell().IsMatch(cell);
                c.Text(cell, numeric ? xs[i + 1] - 8 : xs[i] + 8, textTop, s.Font, size, s.Ink, numeric ? Align.Right : Align.Left, numeric ? 0 : xs[i + 1] - xs[i] - 12);
            }
            if (row.Item is { } item)
                truth.LineItems.Add((item, c.Clip(new BoundingBox((int)left, (int)y, (int)width, (int)rowHeight))));
            y += rowHeight;
            if (s.TableRules == 0 || s.TableRules == 1) c.Line(left, y, left + width, y, 0.8, s.Ink);
        }
        c.Line(left, y, left + width, y, 1.5, s.Ink);
        if (s.TableRules == 0)
        {
            c.Rectangle(left, top, width, y - top, 1.5, s.Ink);
            for (var i = 1; i < xs.Length - 1; i++) c.Line(xs[i], top, xs[i], y, 0.8, s.Ink);
        }
        return y + s.Size * 0.6;
    }

    /// <summary>A red hospital or company seal: ring, star, name round the top, purpose across the middle, overprinted
    /// (the text under it stays dark).</summary>
    public static void Seal(Canvas c, StampSpec stamp, double cx, double cy, double radius, Random r)
    {
        var alpha = 0.6 + r.NextDouble() * 0.3;
        var red = new Rgb(0.8 + r.NextDouble() * 0.15, 0.05 + r.NextDouble() * 0.1, 0.1);
        var star = new (double, double)[10];
        for (var i = 0; i < 10; i++)
        {
            var a = -Math.PI / 2 + i * Math.PI / 5;
            var rr = i % 2 == 0 ? radius * 0.25 : radius * 0.1;
            star[i] = (cx + rr * Math.Cos(a), cy + rr * Math.Sin(a));
        }
        var chars = stamp.Ring.EnumerateRunes().Select(x => x.ToString()).ToArray();
        var fontSize = radius * (chars.Length > 10 ? 0.2 : 0.26);
        var sweep = Math.Min(Math.PI * 1.45, chars.Length * fontSize * 1.15 / (radius * 0.75));
        c.Overprint(() =>
        {
            c.Circle(cx, cy, radius, radius * 0.06, red, alpha);
            c.Polygon(star, red, alpha);
            for (var i = 0; i < chars.Length; i++)
            {
                var a = -Math.PI / 2 - sweep / 2 + sweep * (i + 0.5) / chars.Length;
                var (px, py) = (cx + radius * 0.75 * Math.Cos(a), cy + radius * 0.75 * Math.Sin(a));
                c.RotatedText(chars[i], px, py, a + Math.PI / 2, "Noto Sans CJK SC Bold", fontSize, red, alpha);
            }
            c.RotatedText(stamp.Centre, cx, cy + radius * 0.5, 0, "Noto Sans CJK SC Bold", fontSize * 0.8, red, alpha);
        });
    }
}
