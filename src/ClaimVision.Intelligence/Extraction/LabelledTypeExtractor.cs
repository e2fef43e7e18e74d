using System.Text.RegularExpressions;
using ClaimVision.Domain.Documents;

namespace ClaimVision.Intelligence.Extraction;

/// <summary>
/// The extractor most types need: labelled fields from the schema, the provider from the title when it has no label,
/// the currency from the markers printed, line items when the type has a table, then the shared checks.
/// A type folder subclasses it and overrides <see cref="Complete"/> for what its layout adds.
/// </summary>
public class LabelledTypeExtractor(FieldSchema schema, bool hasLineItems = false) : ITypeExtractor
{
    private static readonly string[] ProviderWords = ["医院", "卫生院", "诊所", "医疗中心", "保健院", "药房", "大药房", "药店", "Hospital", "Clinic", "Medical Centre", "Medical Center", "Pharmacy"];

    public FieldSchema Schema { get; } = schema;

    public FieldExtraction Extract(DocumentView view, ExtractionContext context)
    {
        var fields = LabelledFields.Read(Schema, view, context);
        if (Schema.Fields.Any(f => f.Name == FieldNames.ProviderName) && !fields.ContainsKey(FieldNames.ProviderName)
            && ProviderFromTitle(view) is { } provider)
            fields[FieldNames.ProviderName] = provider;
        ProviderPlace.Apply(fields, view);
        if (Schema.Fields.Any(f => f.Name == FieldNames.Currency) && CurrencyOf(view) is { } currency)
            fields[FieldNames.Currency] = currency;
        var items = hasLineItems ? LineItemTable.Parse(view) : [];
        Complete(fields, view, context);
        if (Schema.Fields.Any(f => f.Name == FieldNames.Diagnosis)) DiagnosisScan.Apply(fields, view, context.Diagnoses);
        DiagnosisText.Clean(fields);
        DiagnosisContinuation.Apply(fields, view, context.Diagnoses);
        DiagnosisRepair.Apply(fields, context.Diagnoses, Schema.Fields.Any(f => f.Name == FieldNames.DiagnosisCode) ? view : null);
        if (Schema.Fields.Any(f => f.Name == FieldNames.TotalAmount)) TotalRepair.Apply(fields, view, items);
        if (Schema.Fields.Any(f => f.Name == FieldNames.TotalAmountInWords)) TotalRepair.WordsFromFigures(fields, view);
        if (Schema.Fields.Any(f => f.Name == FieldNames.PatientIdNumber)) ResidentIdScan.Apply(fields, view, context.Today, birthDateBeside: Schema.Type == DocumentType.IdCard);
        if (Schema.Fields.Any(f => f.Name == FieldNames.Department)) DepartmentScan.Apply(fields, view);
        // (A number found by its check digit already carries the check: it confirms nothing a second time.)
        if (Schema.Fields.Any(f => f.Kind == FieldKind.CardNumber) && fields.TryGetValue(FieldNames.CardNumber, out var card)
            && !card.Checks.Any(c => c.Name == Validation.CardNumberCheck.Name))
            fields[FieldNames.CardNumber] = Validation.CardNumberCheck.Apply(card);
        if (Schema.Fields.Any(f => f.Name == FieldNames.PatientName) && !fields.ContainsKey(FieldNames.PatientName)
            && PersonName.BeforeSexLabel(view) is { } unlabelled)
            fields[FieldNames.PatientName] = unlabelled;
        if (fields.TryGetValue(FieldNames.PatientName, out var name) && name.Normalized is { } n)
            fields[FieldNames.PatientName] = PersonName.WithoutLabelHead(PersonName.WithoutSexLabelTail(PersonName.WithGivenNameBeside(
                name with { Normalized = Normalization.TextCleanup.NameCase(PersonName.WithoutStrayMarks(n)) }, view)));
        if (fields.TryGetValue(FieldNames.PhysicianName, out var physician) && physician.Normalized is { } p)
            fields[FieldNames.PhysicianName] = physician with { Normalized = PersonName.WithDoctorTitle(p) };
        CommonChecks.Apply(fields, items, context);
        return new FieldExtraction(fields, items);
    }

    /// <summary>Type-specific additions, run after the labelled fields and before the shared checks.</summary>
    protected virtual void Complete(Dictionary<string, ExtractedField> fields, DocumentView view, ExtractionContext context)
    {
    }

    /// <summary>The hospital named in the title: the first line in the top quarter holding a provider word,
    /// cut after that word (北京协和医院住院收费票据 → 北京协和医院). Noise read as letters above the title (a scribble, a
    /// stamp's edge: lines below <see cref="MinTitleConfidence"/>) is not counted in that quarter.</summary>
    public static ExtractedField? ProviderFromTitle(DocumentView view)
    {
        var lines = view.Lines.Where(l => l.Line.Confidence >= MinTitleConfidence).ToList();
        foreach (var line in lines.Take(Math.Max(3, lines.Count / 4)))
        {
            var word = ProviderWords.Select(w => (w, at: line.Text.IndexOf(w, StringComparison.OrdinalIgnoreCase)))
                .Where(x => x.at > 0 || (x.at == 0 && x.w.All(c => c < 128))).OrderBy(x => x.at).FirstOrDefault();
            if (word.w is null) continue;
            var end = word.w.Any(c => c >= 128) ? word.at + word.w.Length : line.Text.Length;
            if (word.w == "药房" && word.at > 0 && line.Text[word.at - 1] == '大') continue;
            // 就诊医院： is a label whose value is the provider, not a provider's name.
            if (line.Text.AsSpan(end).TrimStart() is [':' or '：', ..]) continue;
            // A label before the name ("收区单位: 武汉市人民医院", its label misread) is no part of it.
            var colon = line.Text.LastIndexOfAny([':', '：'], word.at);
            var span = line.Slice(colon + 1, end);
            var read = ValueReader.Read(FieldKind.Text, span.Text, DateOrder.DayFirst);
            if (read is null) continue;
            return LabelledFields.FromSpan(FieldNames.ProviderName, span, read, 0.85);
        }
        return null;
    }

    /// <summary>Below this OCR confidence a line is noise, not a title that could push the real one out of the top quarter.</summary>
    public const double MinTitleConfidence = 0.4;

    private static readonly Regex Cny = new(@"[¥元]|人民币|RMB|CNY", RegexOptions.Compiled);
    private static readonly Regex Myr = new(@"\bRM\s?\d|\(RM\)|\bMYR\b", RegexOptions.Compiled);
    // Dollar markers before a figure: a bare $ (not glued to a word), US$ or USD is the US dollar, HK$, S$, NT$ … those
    // places' own (the prefixes and their names are AmountNormalizer's).
    private static readonly Regex Dollar = new(
        @"(?<![A-Za-z])(?<sign>(?:" + Normalization.AmountNormalizer.DollarPrefixes + @")?\$)\s?\d|\b(?<sign>USD|HKD|SGD)\b", RegexOptions.Compiled);

    /// <summary>ISO 4217 code from the currency markers printed; the most frequent marker wins.</summary>
    public static ExtractedField? CurrencyOf(DocumentView view)
    {
        var text = Normalization.TextCleanup.ToHalfWidth(string.Join('\n', view.Lines.Select(l => l.Text)));
        // US dollars before other dollars, as a tie between them has always gone to USD.
        var dollars = Dollar.Matches(text)
            .GroupBy(m => Normalization.AmountNormalizer.CurrencyOf(m.Groups["sign"].Value)!)
            .OrderBy(g => g.Key != "USD")
            .Select(g => (g.Key, g.Count()));
        var counts = new[] { ("CNY", Cny.Count(text)), ("MYR", Myr.Count(text)) }.Concat(dollars);
        var (code, n) = counts.MaxBy(c => c.Item2);
        if (n == 0) return null;
        return new ExtractedField { Name = FieldNames.Currency, Value = code, Normalized = code, Confidence = Math.Min(0.95, 0.6 + 0.1 * n) };
    }
}
