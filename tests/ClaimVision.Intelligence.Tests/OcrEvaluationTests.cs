using ClaimVision.Intelligence.Evaluation;

namespace ClaimVision.Intelligence.Tests;

public sealed class OcrEvaluationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sroie-").FullName;

    [Fact]
    public void SroieLineTextKeepsItsCommasAndFilesWithoutLabelsAreSkipped()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "img"));
        Directory.CreateDirectory(Path.Combine(_dir, "box"));
        File.WriteAllBytes(Path.Combine(_dir, "img", "001.jpg"), [1]);
        File.WriteAllBytes(Path.Combine(_dir, "img", "002.jpg"), [1]);
        File.WriteAllText(Path.Combine(_dir, "box", "001.csv"), "1,2,3,2,3,4,1,4,27,JALAN DEDAP 13,\n5,6,7,6,7,8,5,8,TOTAL 9.00\n");

        var sample = Assert.Single(OcrEvaluation.LoadSroie(_dir));

        Assert.Equal("27,JALAN DEDAP 13,\nTOTAL 9.00", sample.ExpectedText);
    }

    [Fact]
    public void AFolderWithoutTheSroieLayoutIsAClearError() =>
        Assert.Throws<DirectoryNotFoundException>(() => OcrEvaluation.LoadSroie(_dir));

    [Fact]
    public void TheSummaryWeighsCorpusCerByExpectedLengthAndListsTheWorstFirst()
    {
        OcrSample[] samples = [new("a.jpg", "abcdefghij"), new("b.jpg", "xy")];
        OcrSampleScore[] scores = [new("a.jpg", 0.1, 100, 1, null), new("b.jpg", 0.5, 300, 1, null)];

        var summary = OcrEvaluation.Summarise(scores, samples);

        Assert.Equal(2.0 / 12, summary.CorpusCer, 6);
        Assert.Equal(0.3, summary.MeanCer, 6);
        Assert.Equal(200, summary.MedianMsPerPage);
        Assert.Equal("b.jpg", summary.Worst[0].File);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
