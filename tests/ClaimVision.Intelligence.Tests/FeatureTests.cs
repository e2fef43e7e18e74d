using ClaimVision.Intelligence.Features;

namespace ClaimVision.Intelligence.Tests;

public sealed class FeatureTests
{
    [Theory]
    [InlineData("", 0u, 0x00000000u)]
    [InlineData("", 1u, 0x514E28B7u)]
    [InlineData("hello", 0u, 0x248BFA47u)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0u, 0x2E4FF723u)]
    public void MurmurHash3_matches_the_reference_implementation(string text, uint seed, uint expected) =>
        Assert.Equal(expected, MurmurHash3.Hash(text, seed));

    [Fact]
    public void Buckets_are_stable_and_inside_the_hash_space()
    {
        var b = DocumentFeatures.Bucket("c:住院");
        Assert.Equal(b, DocumentFeatures.Bucket("c:住院"));
        Assert.InRange(b, 0, DocumentFeatures.HashBuckets - 1);
        Assert.NotEqual(b, DocumentFeatures.Bucket("c:门诊"));
    }

    [Fact]
    public void Chinese_gives_character_grams_across_stray_spaces()
    {
        var grams = TextNGrams.Extract("住 院收费").ToList();
        Assert.Contains("c:住", grams);
        Assert.Contains("c:住院", grams);
        Assert.Contains("c:住院收", grams);
        Assert.Contains("c:收费", grams);
        Assert.DoesNotContain(grams, g => g.StartsWith("w:", StringComparison.Ordinal));
    }

    [Fact]
    public void English_gives_lower_case_word_uni_and_bigrams_with_digits_folded()
    {
        var grams = TextNGrams.Extract("Discharge SUMMARY 2018").ToList();
        Assert.Equal(["w:discharge", "w:discharge summary", "w:summary", "w:summary 0000", "w:0000"], grams);
    }

    [Theory]
    [InlineData("INV NO: 171456010", new[] { "w:inv", "w:inv no", "w:no", "w:no #", "w:#" })]
    [InlineData("交款人 : 522632xeres 1234", new[] { "w:#xeres", "w:#xeres 0000", "w:0000" })]
    [InlineData("MRN8&407297 A12345B", new[] { "w:mrn0", "w:mrn0 #", "w:#", "w:# a#b", "w:a#b" })]
    public void A_number_of_more_than_four_digits_is_one_shape_whatever_its_length(string line, string[] expected) =>
        Assert.Equal(expected, TextNGrams.Extract(line).Where(g => g.StartsWith("w:", StringComparison.Ordinal)));

    [Fact]
    public void Mixed_lines_give_both_kinds_and_lines_do_not_join()
    {
        var grams = TextNGrams.Extract("出院小结 Discharge\nSummary").ToList();
        Assert.Contains("c:出院小", grams);
        Assert.Contains("w:discharge", grams);
        Assert.DoesNotContain("w:discharge summary", grams);
    }

    [Fact]
    public void Extraction_is_deterministic_and_the_text_block_is_unit_length()
    {
        var vision = ClassifierPages.Vision("某某市人民医院 住院收费票据", "住院号 123456  入院日期 2018年6月12日", "合计 1,234.56");
        var a = DocumentFeatures.Extract(vision);
        var b = DocumentFeatures.Extract(vision);
        Assert.Equal(a.Indices, b.Indices);
        Assert.Equal(a.Values, b.Values);
        var norm = a.Indices.Select((c, i) => c < DocumentFeatures.HashBuckets ? (double)a.Values[i] * a.Values[i] : 0).Sum();
        Assert.Equal(1.0, norm, 5);
        Assert.All(a.Indices, i => Assert.InRange(i, 0, DocumentFeatures.FeatureCount - 1));
    }

    [Fact]
    public void Keywords_match_despite_spaces_case_and_punctuation()
    {
        var zh = DocumentFeatures.Extract(ClassifierPages.Vision("住 院 收 费 票 据"));
        var en = DocumentFeatures.Extract(ClassifierPages.Vision("Form cms 1500 (02-12)"));
        Assert.Equal(1f, zh[Dense("kw:住院收费票据")]);
        Assert.Equal(0f, zh[Dense("kw:CMS-1500")]);
        Assert.Equal(1f, en[Dense("kw:CMS-1500")]);
        Assert.True(zh[Dense("type:inpatient-invoice")] >= 1);
    }

    [Fact]
    public void Layout_counts_amounts_dates_and_luhn_valid_card_numbers()
    {
        var v = DocumentFeatures.Extract(ClassifierPages.Vision("6222 0212 3456 7890 127", "4111 1111 1111 1111", "4111 1111 1111 1112", "2018年6月12日 12/06/2018", "¥1,234.56 合计 99.00"));
        Assert.Equal(1f, v[Dense("layout:luhnCardNumbers")]);
        Assert.Equal((float)Math.Log(3), v[Dense("layout:dates")]!.Value, 4);
        Assert.Equal((float)Math.Log(3), v[Dense("layout:amounts")]!.Value, 4);
    }

    [Fact]
    public void Missing_page_statistics_stay_missing_not_zero()
    {
        var vision = ClassifierPages.Vision("hello world") with { Statistics = [] };
        Assert.Null(DocumentFeatures.Extract(vision)[Dense("image:inkDensity")]);
        Assert.NotNull(DocumentFeatures.Extract(ClassifierPages.Vision("hello world"))[Dense("image:inkDensity")]);
    }

    private static int Dense(string name)
    {
        var i = DocumentFeatures.DenseNames.ToList().IndexOf(name);
        Assert.True(i >= 0, $"no feature {name}");
        return DocumentFeatures.HashBuckets + i;
    }
}
