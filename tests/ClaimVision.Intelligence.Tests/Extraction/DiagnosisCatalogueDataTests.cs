using System.Text;
using System.Text.RegularExpressions;

namespace ClaimVision.Intelligence.Tests.Extraction;

/// <summary>
/// Integrity of the embedded ICD-10 diagnosis catalogue the field extractor matches OCR-read diagnoses against:
/// a malformed row, a code that cannot be ICD-10, or an alias naming two codes would make that matching wrong.
/// </summary>
public partial class DiagnosisCatalogueDataTests
{
    private const string ResourceName = "ClaimVision.Intelligence.icd10-diagnoses.tsv";

    private sealed record Row(int Line, string[] Columns)
    {
        public string Code => Columns[0];
        public string[] Zh => Columns[1].Split('|');
        public string[] En => Columns[2].Split('|');
    }

    [GeneratedRegex(@"^[A-Z][0-9]{2}(\.[0-9]{1,2})?$")]
    private static partial Regex IcdCode();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex CjkCharacter();

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex AsciiLetter();

    private static readonly Lazy<byte[]> Bytes = new(() =>
    {
        using var stream = typeof(FieldExtractor).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    private static string[] Lines() =>
        new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Bytes.Value).TrimEnd('\n').Split('\n');

    private static List<Row> Rows() =>
        Lines().Skip(1).Select((line, i) => new Row(i + 2, line.Split('\t'))).ToList();

    [Fact]
    public void The_file_is_utf8_with_lf_line_ends_and_no_byte_order_mark()
    {
        var bytes = Bytes.Value;
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "byte order mark");
        Assert.DoesNotContain((byte)'\r', bytes);
    }

    [Fact]
    public void The_header_names_code_zh_en_and_every_row_has_three_columns()
    {
        Assert.Equal("code\tzh\ten", Lines()[0]);
        var bad = Rows().Where(r => r.Columns.Length != 3).Select(r => r.Line).ToList();
        Assert.True(bad.Count == 0, $"rows without exactly 3 columns at lines {string.Join(", ", bad)}");
    }

    [Fact]
    public void Codes_are_unique_icd10_codes_with_at_most_one_decimal_part()
    {
        var rows = Rows();
        var malformed = rows.Where(r => !IcdCode().IsMatch(r.Code)).Select(r => $"{r.Line}:{r.Code}").ToList();
        Assert.True(malformed.Count == 0, $"malformed codes {string.Join(", ", malformed)}");
        var repeated = rows.GroupBy(r => r.Code).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, $"repeated codes {string.Join(", ", repeated)}");
    }

    [Fact]
    public void Chinese_aliases_are_chinese_and_english_aliases_are_ascii_and_none_is_blank()
    {
        var bad = new List<string>();
        foreach (var row in Rows().Where(r => r.Columns.Length == 3))
        {
            foreach (var alias in row.Zh.Where(a => a.Trim().Length != a.Length || a.Length == 0 || !CjkCharacter().IsMatch(a) || AsciiLetter().IsMatch(a)))
                bad.Add($"{row.Code} zh «{alias}»");
            foreach (var alias in row.En.Where(a => a.Trim().Length != a.Length || a.Length == 0 || !a.All(char.IsAscii)))
                bad.Add($"{row.Code} en «{alias}»");
        }
        Assert.True(bad.Count == 0, $"bad aliases: {string.Join("; ", bad)}");
    }

    [Fact]
    public void No_alias_names_two_codes()
    {
        var rows = Rows().Where(r => r.Columns.Length == 3).ToList();
        var ambiguous =
            Ambiguous(rows.SelectMany(r => r.Zh.Select(a => (Alias: a, r.Code))), StringComparer.Ordinal)
            .Concat(Ambiguous(rows.SelectMany(r => r.En.Select(a => (Alias: a, r.Code))), StringComparer.OrdinalIgnoreCase))
            .ToList();
        Assert.True(ambiguous.Count == 0, $"aliases naming several codes: {string.Join("; ", ambiguous)}");
    }

    [Fact]
    public void The_catalogue_covers_at_least_300_diagnoses()
    {
        Assert.True(Rows().Count >= 300, $"only {Rows().Count} rows");
    }

    private static IEnumerable<string> Ambiguous(IEnumerable<(string Alias, string Code)> aliases, StringComparer comparer) =>
        aliases.GroupBy(a => a.Alias, comparer)
            .Where(g => g.Select(a => a.Code).Distinct().Count() > 1)
            .Select(g => $"«{g.Key}» → {string.Join(", ", g.Select(a => a.Code).Distinct())}");
}
