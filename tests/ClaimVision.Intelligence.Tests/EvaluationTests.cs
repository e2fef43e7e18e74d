using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Evaluation;

namespace ClaimVision.Intelligence.Tests;

public sealed class EvaluationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cv-sroie-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Receipt(string id, string[] lines, string keys)
    {
        Directory.CreateDirectory(Path.Combine(_dir, "box"));
        Directory.CreateDirectory(Path.Combine(_dir, "key"));
        // One entry per row; "|" separates cells of a row, the second cell printed at x = 300.
        var rows = lines.SelectMany((l, r) => l.Split('|').Select((text, c) =>
        {
            int x = 20 + c * 280, y = 10 + r * 30, w = text.Length * 10;
            return $"{x},{y},{x + w},{y},{x + w},{y + 20},{x},{y + 20},{text}";
        }));
        File.WriteAllLines(Path.Combine(_dir, "box", id + ".csv"), rows);
        File.WriteAllText(Path.Combine(_dir, "key", id + ".json"), keys);
    }

    [Fact]
    public void Scores_a_sroie_folder_field_by_field()
    {
        Receipt("000", ["ACME TRADING SDN BHD", "NO 1, JALAN DUA, 40000 SHAH ALAM", "DATE: 05/03/2018", "TOTAL:|12.30"],
            """{"company":"ACME TRADING SDN BHD","date":"5/3/2018","address":"NO 1, JALAN DUA, 40000 SHAH ALAM","total":"12.30"}""");
        Receipt("001", ["BETA ENTERPRISE", "LOT 9, JALAN TIGA, 50000 KL", "2018-07-01", "TOTAL:|8.00"],
            """{"company":"BETA ENTERPRISE","date":"01/07/2018","address":"LOT 9 JALAN TIGA 50000 KL","total":"9.00"}""");

        var samples = SroieDataset.Load(_dir);
        Assert.Equal(2, samples.Count);
        var scores = SroieEvaluation.Score(samples, new FieldExtractor(), TextMatch.Strict);
        var byField = scores.Fields.ToDictionary(f => f.Field);
        Assert.Equal(1.0, byField[FieldNames.ProviderName].F1);
        Assert.Equal(1.0, byField[FieldNames.DocumentDate].F1);
        Assert.Equal(0.5, byField[FieldNames.TotalAmount].Recall);     // 8.00 printed, 9.00 in the key
        Assert.Equal(0.5, byField[FieldNames.ProviderAddress].Recall); // commas differ in the key
        Assert.Equal(6, scores.Overall.Correct);
        Assert.Equal(8, scores.Overall.Expected);
    }

    [Fact]
    public void A_malformed_box_line_names_the_file_and_line()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "box"));
        var path = Path.Combine(_dir, "box", "007.csv");
        File.WriteAllLines(path, ["1,2,3,4,5,6,7,8,OK", "1,2,x,4,5,6,7,8,BAD"]);
        var e = Assert.Throws<InvalidDataException>(() => SroieDataset.ReadBoxes(path));
        Assert.Contains("007.csv:2", e.Message);
    }

    [Fact]
    public void A_folder_without_box_and_key_is_a_clear_error() =>
        Assert.Throws<DirectoryNotFoundException>(() => SroieDataset.Load(_dir));

    [Fact]
    public void Precision_recall_and_f1_count_missing_and_spurious_values()
    {
        var s = new FieldScores();
        s.Add("a", expected: true, predicted: true, correct: true);
        s.Add("a", expected: true, predicted: false, correct: false);
        s.Add("a", expected: true, predicted: true, correct: false);
        var a = s.Fields.Single();
        Assert.Equal(0.5, a.Precision);
        Assert.Equal(1 / 3.0, a.Recall, 6);
        Assert.Equal(0.4, a.F1, 6);
    }

    [Theory]
    [InlineData(FieldNames.DocumentDate, "25/12/2018", "2018-12-25", true)]
    [InlineData(FieldNames.TotalAmount, "9.00", "9", true)]
    [InlineData(FieldNames.TotalAmount, "9.00", "9.01", false)]
    [InlineData(FieldNames.ProviderName, "ABC  HO TRADING", "ABC HO TRADING", true)]
    [InlineData(FieldNames.ProviderName, "abc ho trading", "ABC HO TRADING", false)]
    [InlineData(FieldNames.ExpiryDate, "2030-06", "2030-06", true)]       // a card's expiry month
    [InlineData(FieldNames.ExpiryDate, "2030-06", "2030-09", false)]
    [InlineData(FieldNames.ExpiryDate, "2030-06-30", "2030-06-30", true)]
    public void Matching_normalises_by_field_kind(string field, string truth, string normalized, bool match) =>
        Assert.Equal(match, FieldMatcher.Matches(field, truth, new ExtractedField { Name = field, Value = normalized, Normalized = normalized, Confidence = 1 }, TextMatch.Strict));
}
