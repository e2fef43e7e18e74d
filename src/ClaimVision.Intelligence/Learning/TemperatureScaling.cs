namespace ClaimVision.Intelligence.Learning;

/// <summary>
/// Post-hoc calibration: p_T(c) ∝ p(c)^(1/T). Boosted trees on a small, clean synthetic set come out
/// over-confident; a temperature fitted on held-out rows makes the reported probability match how often
/// the model is right. T is one scalar, found by golden-section search of the validation log-loss.
/// </summary>
public static class TemperatureScaling
{
    // Never sharpen: on a perfectly separated synthetic validation set the loss keeps falling as T → 0,
    // which would only make real-world mistakes more confident.
    public const double MinTemperature = 1;
    public const double MaxTemperature = 20;

    public static double[] Apply(ReadOnlySpan<float> probabilities, double temperature)
    {
        var logits = new double[probabilities.Length];
        var max = double.NegativeInfinity;
        for (var i = 0; i < logits.Length; i++)
        {
            logits[i] = Math.Log(Math.Max(probabilities[i], 1e-12)) / temperature;
            max = Math.Max(max, logits[i]);
        }
        var sum = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            logits[i] = Math.Exp(logits[i] - max);
            sum += logits[i];
        }
        for (var i = 0; i < logits.Length; i++) logits[i] /= sum;
        return logits;
    }

    public static double LogLoss(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> labels, double temperature)
    {
        var total = 0.0;
        for (var i = 0; i < probabilities.Count; i++)
            total -= Math.Log(Math.Max(Apply(probabilities[i], temperature)[labels[i]], 1e-12));
        return total / probabilities.Count;
    }

    /// <summary>The temperature that minimises log-loss on the given held-out predictions.</summary>
    public static double Fit(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> labels)
    {
        if (probabilities.Count == 0) return 1;
        // Search log T: the loss is smooth and unimodal in it over this range.
        double a = Math.Log(MinTemperature), b = Math.Log(MaxTemperature);
        var phi = (Math.Sqrt(5) - 1) / 2;
        double c = b - phi * (b - a), d = a + phi * (b - a);
        double fc = LogLoss(probabilities, labels, Math.Exp(c)), fd = LogLoss(probabilities, labels, Math.Exp(d));
        for (var i = 0; i < 60; i++)
        {
            if (fc < fd)
            {
                b = d; d = c; fd = fc;
                c = b - phi * (b - a);
                fc = LogLoss(probabilities, labels, Math.Exp(c));
            }
            else
            {
                a = c; c = d; fc = fd;
                d = a + phi * (b - a);
                fd = LogLoss(probabilities, labels, Math.Exp(d));
            }
        }
        return Math.Exp((a + b) / 2);
    }
}
