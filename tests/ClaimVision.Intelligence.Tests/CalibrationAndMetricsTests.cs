using ClaimVision.Intelligence.Evaluation;
using ClaimVision.Intelligence.Learning;

namespace ClaimVision.Intelligence.Tests;

public sealed class CalibrationAndMetricsTests
{
    [Fact]
    public void Over_confident_mistakes_raise_the_temperature()
    {
        // Right 70% of the time but always 99% sure.
        var probs = Enumerable.Range(0, 100).Select(_ => new[] { 0.99f, 0.005f, 0.005f }).ToList();
        var labels = Enumerable.Range(0, 100).Select(i => i < 70 ? 0 : 1).ToList();
        var t = TemperatureScaling.Fit(probs, labels);
        Assert.True(t > 2, $"T = {t}");
        var calibrated = TemperatureScaling.Apply(probs[0], t);
        Assert.InRange(calibrated[0], 0.6, 0.8);
        Assert.True(TemperatureScaling.LogLoss(probs, labels, t) < TemperatureScaling.LogLoss(probs, labels, 1));
    }

    [Fact]
    public void A_perfect_validation_set_never_sharpens() =>
        Assert.Equal(1, TemperatureScaling.Fit([[0.9f, 0.1f], [0.2f, 0.8f]], [0, 1]), 2);

    [Fact]
    public void Metrics_from_a_known_confusion()
    {
        string[] actual = ["a", "a", "a", "a", "b", "b", "c", "c"];
        string[] predicted = ["a", "a", "a", "b", "b", "b", "c", "a"];
        var m = ClassificationMetrics.Compute(actual, predicted);
        var a = m.PerClass.Single(s => s.Label == "a");
        Assert.Equal(0.75, a.Precision, 6);
        Assert.Equal(0.75, a.Recall, 6);
        var b = m.PerClass.Single(s => s.Label == "b");
        Assert.Equal(2.0 / 3, b.Precision, 6);
        Assert.Equal(1.0, b.Recall, 6);
        var c = m.PerClass.Single(s => s.Label == "c");
        Assert.Equal(2.0 / 3, c.F1, 6);
        Assert.Equal((0.75 + 0.8 + 2.0 / 3) / 3, m.MacroF1, 6);
        Assert.Equal(6.0 / 8, m.Accuracy, 6);
        Assert.Equal(1, m.Confusion[0][1]);
        Assert.Equal(1, m.Confusion[2][0]);
    }

    [Fact]
    public void Classes_without_support_do_not_drag_macro_f1_down()
    {
        var m = ClassificationMetrics.Compute(["a", "b"], ["a", "b"], ["a", "b", "never-seen"]);
        Assert.Equal(1.0, m.MacroF1, 6);
        Assert.Equal(3, m.Labels.Count);
    }
}

public sealed class ConfusionMatrixSvgTests
{
    [Fact]
    public void Svg_is_well_formed_and_shows_every_label_and_count()
    {
        var m = ClassificationMetrics.Compute(["a&b", "a&b", "c"], ["a&b", "c", "c"]);
        var svg = ConfusionMatrixSvg.Render(m, "held-out <seed 2>");
        var doc = System.Xml.Linq.XDocument.Parse(svg);
        var texts = doc.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Contains("a&b", texts);
        Assert.Contains("held-out <seed 2>", texts);
        Assert.Equal(3, texts.Count(t => t == "1"));
        Assert.Equal(4, doc.Descendants().Count(e => e.Name.LocalName == "rect" && e.Attribute("width")?.Value == "42"));
    }
}
