using ClaimVision.Intelligence;
using ClaimVision.Intelligence.Extraction;
using ClaimVision.Intelligence.Classification;
using ClaimVision.Intelligence.Script;
using ClaimVision.Vision;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Pipeline.Processing;

/// <summary>How the production analyzer is built: where the models are, how many OCR engines, which OCR language.</summary>
public sealed record AnalyzerSettings
{
    /// <summary>The models directory (holding <c>doc-classifier/</c>); null searches the usual places (see <see cref="DocumentAnalyzerFactory.FindModelsDirectory"/>).</summary>
    public string? ModelsDirectory { get; init; }
    /// <summary>OCR engines, i.e. documents analysed at once.</summary>
    public int Engines { get; init; } = Environment.ProcessorCount;
    /// <summary><c>auto</c> (per page from the detected script), <c>eng</c> or <c>chi_sim</c>.</summary>
    public string Language { get; init; } = OcrOptions.Auto;
    /// <summary>OCR tuning (the second looks, confidence thresholds …, see <see cref="OcrOptions"/>); its
    /// <see cref="OcrOptions.PoolSize"/> and <see cref="OcrOptions.Language"/> are replaced by <see cref="Engines"/> and
    /// <see cref="Language"/>.</summary>
    public OcrOptions Ocr { get; init; } = new();
    /// <summary>"Today" for the extractors' date checks (a date in the future is suspect); the system clock by default.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
    /// <summary>The diagnosis catalogue file (<see cref="DiagnosisCatalogue"/> format); null for the embedded one, <c>none</c> to
    /// match no diagnosis.</summary>
    public string? DiagnosisCatalogue { get; init; }
}

/// <summary>
/// The single place where commands and hosts obtain the production document analyzer: OCR (<see cref="VisionPipeline"/>)
/// → <see cref="DocumentClassifier"/> (the committed model under <c>models/doc-classifier</c>) → <see cref="FieldExtractor"/>.
/// The script guess under <c>models/script-guess</c> (<see cref="ScriptGuessModel"/>), when present, lets OCR read pages
/// shaped like Chinese first in chi_sim; without it every automatic page is read first in eng. Test doubles live in the tests only.
/// </summary>
public static class DocumentAnalyzerFactory
{
    /// <summary>Environment variable naming the models directory.</summary>
    public const string ModelsEnvironmentVariable = "CLAIMVISION_MODELS";
    public const string ModelsFolder = "models";
    public const string ClassifierFolder = "doc-classifier";

    /// <summary>Builds the analyzer; it owns the OCR engines and the classifier model, so dispose it when done.</summary>
    /// <exception cref="FileNotFoundException">No models directory with a classifier was found (the message says where it looked).</exception>
    public static ProductionAnalyzer Create(AnalyzerSettings? settings = null)
    {
        settings ??= new AnalyzerSettings();
        if (settings.Engines < 1) throw new ArgumentOutOfRangeException(nameof(settings), $"Engines must be at least 1, not {settings.Engines}.");
        var models = FindModelsDirectory(settings.ModelsDirectory);
        var classifier = DocumentClassifier.Load(Path.Combine(models, ClassifierFolder));
        EnginePool? pool = null;
        ScriptGuessModel? script = null;
        try
        {
            script = LoadScriptGuess(models);
            pool = new EnginePool(settings.Ocr with { PoolSize = settings.Engines, Language = settings.Language });
            var options = new VisionOptions { Language = settings.Language };
            var analyzer = new DocumentAnalyzer(new VisionPipeline(pool, script), options, classifier, new FieldExtractor(settings.Time, diagnoses: LoadDiagnoses(settings.DiagnosisCatalogue)));
            return new ProductionAnalyzer(analyzer, pool, classifier, script);
        }
        catch
        {
            pool?.Dispose();
            classifier.Dispose();
            script?.Dispose();
            throw;
        }
    }

    /// <summary>The diagnosis catalogue a setting names: null → the embedded one, <c>none</c> → none, else the file.</summary>
    /// <exception cref="InvalidDataException">The file is missing or malformed (the message names it and the line).</exception>
    public static DiagnosisCatalogue LoadDiagnoses(string? setting) => setting switch
    {
        null or "" => DiagnosisCatalogue.Embedded,
        "none" => DiagnosisCatalogue.Empty,
        var path => DiagnosisCatalogue.Load(path),
    };

    /// <summary>The script guess in <paramref name="modelsDirectory"/>/script-guess, or null when that folder does not exist.</summary>
    /// <exception cref="InvalidDataException">The folder exists but its model or card is not valid.</exception>
    public static ScriptGuessModel? LoadScriptGuess(string modelsDirectory)
    {
        var folder = Path.Combine(modelsDirectory, ScriptGuessModel.FolderName);
        return Directory.Exists(folder) ? ScriptGuessModel.Load(folder) : null;
    }

    /// <summary>
    /// The models directory, first found of: <paramref name="explicitDirectory"/> (must exist), <c>$CLAIMVISION_MODELS</c>
    /// (must exist), <c>models/</c> beside the application, then <c>models/</c> in the current directory or any parent
    /// (a checkout's root). A candidate counts only when it holds <c>doc-classifier/</c>.
    /// </summary>
    public static string FindModelsDirectory(string? explicitDirectory = null)
    {
        foreach (var (named, source) in new[] { (explicitDirectory, "--models"), (Environment.GetEnvironmentVariable(ModelsEnvironmentVariable), ModelsEnvironmentVariable) })
        {
            if (string.IsNullOrWhiteSpace(named)) continue;
            if (!Directory.Exists(Path.Combine(named, ClassifierFolder)))
                throw new FileNotFoundException($"The models directory '{named}' (from {source}) has no {ClassifierFolder}/ folder.");
            return Path.GetFullPath(named);
        }
        var tried = new List<string>();
        foreach (var candidate in Candidates())
        {
            if (Directory.Exists(Path.Combine(candidate, ClassifierFolder))) return candidate;
            tried.Add(candidate);
        }
        throw new FileNotFoundException(
            $"No models directory with {ClassifierFolder}/ found (looked in {string.Join(", ", tried.Distinct())}); pass --models DIR or set {ModelsEnvironmentVariable}.");
    }

    private static IEnumerable<string> Candidates()
    {
        yield return Path.Combine(AppContext.BaseDirectory, ModelsFolder);
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            yield return Path.Combine(dir.FullName, ModelsFolder);
    }
}

/// <summary>The production <see cref="IDocumentAnalyzer"/> together with the native resources it owns.</summary>
public sealed class ProductionAnalyzer(DocumentAnalyzer analyzer, EnginePool pool, DocumentClassifier classifier, ScriptGuessModel? scriptGuess = null) : IDocumentAnalyzer, IDisposable
{
    public IReadOnlyDictionary<string, string> ModelVersions => analyzer.ModelVersions;

    /// <summary>The OCR options the engines run with.</summary>
    public OcrOptions OcrOptions => pool.Options;

    /// <summary>OCR engines created so far (all of them once <see cref="Warm"/> has run).</summary>
    public int EnginesCreated => pool.Created;

    public DocumentReport Analyze(string fileName, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default) =>
        analyzer.Analyze(fileName, bytes, cancellationToken);

    /// <summary>Creates every OCR engine and loads every language model it may read with (<see cref="EnginePool.Warm"/>).</summary>
    /// <exception cref="OcrEngineException">A model is missing or cannot be initialised.</exception>
    public PoolWarmup Warm(CancellationToken cancellationToken = default) => pool.Warm(cancellationToken: cancellationToken);

    public void Dispose()
    {
        pool.Dispose();
        classifier.Dispose();
        scriptGuess?.Dispose();
    }
}
