using ClaimVision.Intelligence.Learning;

namespace ClaimVision.Intelligence.Classification;

/// <summary>A trained model's folder: card.json and model.json (<see cref="DocumentClassifier.CardFileName"/>,
/// <see cref="DocumentClassifier.ModelFileName"/>), as every trainer here writes them.</summary>
internal static class ModelFolder
{
    /// <summary>Loads the card and the model from <paramref name="directory"/> and hands both to <paramref name="build"/>;
    /// when that throws (the model does not fit this build), the native model is freed.</summary>
    /// <param name="what">Names the model in errors ("Classifier model").</param>
    public static T Load<T>(string directory, string what, Func<GradientBoostedModel, ModelCard, T> build)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"{what} directory '{directory}' does not exist.");
        var card = ModelCard.Load(Path.Combine(directory, DocumentClassifier.CardFileName));
        var model = GradientBoostedModel.Load(Path.Combine(directory, DocumentClassifier.ModelFileName));
        try
        {
            return build(model, card);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
