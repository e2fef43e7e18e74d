using System.CommandLine;
using ClaimVision.Domain.Assessment;
using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence;
using ClaimVision.Intelligence.Classification;
using ClaimVision.Intelligence.Evaluation;
using ClaimVision.Intelligence.Training;
using ClaimVision.Pipeline.Processing;
using ClaimVision.Synthesis;
using ClaimVision.Vision;
using ClaimVision.Vision.Imaging;
using ClaimVision.Vision.Ocr;
using Spectre.Console;

namespace ClaimVision.Cli.Commands;

/// <summary><c>claimvision evaluate fields --dataset DIR --format sroie|generated [--ocr boxcsv|engine]</c>:
/// per-field precision, recall and F1 of the field extractor.</summary>
public static class EvaluateFieldsCommand
{
    public static Command Create()
    {
        var dataset = new Option<DirectoryInfo>("--dataset") { Description = "Folder with the labelled documents.", Required = true };
        var format = new Option<string>("--format") { Description = "sroie (box/*.csv + key/*.json) or generated (index.jsonl from 'samples generate').", Required = true };
        format.AcceptOnlyFromAmong("sroie", "generated");
        var ocr = new Option<string>("--ocr") { Description = "boxcsv: the dataset's own text lines stand in for OCR; engine: run Tesseract on the images.", DefaultValueFactory = _ => "boxcsv" };
        ocr.AcceptOnlyFromAmong("boxcsv", "engine");
        var split = new Option<int>("--tune-count") { Description = "SROIE: the first N receipts are the tuning half, the rest held out.", DefaultValueFactory = _ => 100 };

        var truthLanguage = new Option<bool>("--truth-language") { Description = "Generated sets: OCR each page with the model of its labelled language (chi_sim/eng) instead of automatic detection." };
        var misses = new Option<bool>("--show-misses") { Description = "Print every field of the tuning set (SROIE: first half; generated: every key field) that was expected and not matched (truth vs prediction; names and ID numbers masked)." };
        var missesOf = new Option<string>("--misses-of") { Description = "Generated sets, with --show-misses: which fields' misses to print: key (the key fields), all (every schema field) or one field name (e.g. medicalRecordNumber).", DefaultValueFactory = _ => "key" };
        var cache = new Option<bool>("--ocr-cache") { Description = "With --ocr engine: keep each image's OCR beside it (<image>.ocr.json, keyed by image hash, engine, OCR models, vision build and language; the same cache train, evaluate classifier and explain use) and reuse it on the next run; a change to the vision code redoes it. The dataset folder must be writable." };
        var diagnoses = new Option<string?>("--diagnosis-catalogue") { Description = "Diagnosis catalogue file to match diagnoses against (code<TAB>zh<TAB>en); 'none' to match none. Default: the embedded one." };
        var scaleUpBelow = new Option<int?>("--scale-up-below") { Description = $"With --ocr engine: enlarge pages whose text is lower than this many px (OcrOptions.ScaleUpBelowTextHeight; default {ResolutionNormalizer.MinTextHeight})." };
        var scaleUpTo = new Option<int?>("--scale-up-to") { Description = $"With --ocr engine: the text height small text is enlarged to (OcrOptions.ScaleUpToTextHeight; default {ResolutionNormalizer.TargetTextHeight})." };
        var perDocument = new Option<bool>("--per-document") { Description = "Generated sets: score each document alone. By default the documents of one case (one claim) settle each other's all-numeric date order and doubtful diagnoses, as claim assessment does (ClaimReadings)." };
        var classify = new Option<bool>("--classify") { Description = "SROIE with --ocr engine: read each receipt as the type the committed classifier (models/doc-classifier, or --models) calls it, as process does, instead of as a receipt; prints what it called them. Measures extraction and classification together." };
        var models = new Option<DirectoryInfo?>("--models") { Description = "With --classify: models directory holding doc-classifier/ (default: $CLAIMVISION_MODELS, else models/ beside the program or in the checkout)." };
        var keepSeals = new Option<bool>("--keep-seals") { Description = "With --ocr engine: read pages with their red seals as they are (OcrOptions.RemoveSeals = false; by default seals are faded out before OCR)." };
        var command = new Command("fields", "Per-field precision/recall/F1 of field extraction on a labelled set. With --ocr engine the OCR options are the defaults, " +
            "or what ClaimVision__Ocr__* variables set (as for analyze, process and bench), under the options given here.") { dataset, format, ocr, split, misses, missesOf, truthLanguage, cache, perDocument, diagnoses, scaleUpBelow, scaleUpTo, keepSeals, classify, models };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(dataset)!;
            if (!dir.Exists)
            {
                Console.Error.WriteLine($"evaluate fields: dataset folder {dir.FullName} does not exist.");
                return 2;
            }
            try
            {
                var extractor = new FieldExtractor(diagnoses: DocumentAnalyzerFactory.LoadDiagnoses(parse.GetValue(diagnoses)));
                var configured = EnvironmentOcr.Read();
                var ocrOptions = configured with
                {
                    PoolSize = 1,
                    ScaleUpBelowTextHeight = parse.GetValue(scaleUpBelow) ?? configured.ScaleUpBelowTextHeight,
                    ScaleUpToTextHeight = parse.GetValue(scaleUpTo) ?? configured.ScaleUpToTextHeight,
                    RemoveSeals = configured.RemoveSeals && !parse.GetValue(keepSeals),
                };
                ResolutionNormalizer.ValidateScaleUp(ocrOptions.ScaleUpBelowTextHeight, ocrOptions.ScaleUpToTextHeight);
                if (parse.GetValue(cache) && parse.GetValue(ocr) != "engine")
                    return Unsupported("--ocr-cache keeps Tesseract's readings; it needs --ocr engine (the dataset's own text lines need no cache).");
                if (parse.GetValue(classify) && (parse.GetValue(format) != "sroie" || parse.GetValue(ocr) != "engine"))
                    return Unsupported("--classify reads SROIE receipts as the classifier calls them; it needs --format sroie and --ocr engine (the classifier reads Tesseract's output and the page's image statistics).");
                using var classifier = parse.GetValue(classify) ? DocumentClassifier.Load(Path.Combine(DocumentAnalyzerFactory.FindModelsDirectory(parse.GetValue(models)?.FullName), DocumentAnalyzerFactory.ClassifierFolder)) : null;
                return parse.GetValue(format) switch
                {
                    "sroie" => Sroie(dir.FullName, extractor, parse.GetValue(ocr)!, parse.GetValue(split), parse.GetValue(misses), parse.GetValue(cache), ocrOptions, classifier),
                    _ => Generated(dir.FullName, extractor, parse.GetValue(ocr)!, parse.GetValue(truthLanguage), parse.GetValue(misses) ? parse.GetValue(missesOf) : null, parse.GetValue(cache), !parse.GetValue(perDocument), ocrOptions),
                };
            }
            catch (Exception e) when (e is InvalidDataException or DirectoryNotFoundException or FileNotFoundException or ArgumentOutOfRangeException or InvalidOperationException)
            {
                Console.Error.WriteLine($"evaluate fields: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>Replaces the box-file text of each receipt by Tesseract's reading of img/NNN.jpg.</summary>
    private static List<SroieSample> WithEngineOcr(string dir, IReadOnlyList<SroieSample> samples, bool useCache, OcrOptions ocrOptions, DocumentClassifier? classifier)
    {
        using var pool = new EnginePool(ocrOptions);
        using var script = CommittedScriptGuess.Load();
        var pipeline = new VisionPipeline(pool, script);
        var result = new List<SroieSample>();
        var called = new List<DocumentClassification>();
        foreach (var s in samples)
        {
            var image = Path.Combine(dir, "img", s.Id + ".jpg");
            if (Ocr(pipeline, image, cached: useCache) is not { } vision) continue;
            var type = classifier?.Classify(vision);
            if (type is not null) called.Add(type);
            result.Add(s with { Page = vision.Pages[0], Type = type?.Label ?? DocumentType.Other });
        }
        if (classifier is not null)
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine($"evaluate fields: {classifier.ModelVersion} called the {called.Count} receipts: " + string.Join(", ",
                called.GroupBy(c => c.Label.Label).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => $"{g.Key} {g.Count()} ({g.Count(c => c.Confidence >= classifier.Card.ConfidenceThreshold)} at {classifier.Card.ConfidenceThreshold:0.0#} or more)")) + ".");
        }
        return result;
    }

    /// <summary>Throws (a clear error before any OCR) when --ocr-cache cannot write its files beside the images in <paramref name="folder"/>.</summary>
    private static void RequireWritable(string folder)
    {
        var probe = Path.Combine(folder, $".ocr-cache-probe-{Environment.ProcessId}");
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"--ocr-cache keeps each image's OCR beside it, and {folder} is not writable ({e.Message}); copy the dataset somewhere writable or leave --ocr-cache out.");
        }
    }

    /// <summary>The OCR of one image, or null (reported, skipped) when it cannot be read; with <paramref name="cached"/>
    /// through <see cref="OcrCache"/> (reused when image, engine and language match).</summary>
    private static VisionResult? Ocr(VisionPipeline pipeline, string image, string language = OcrOptions.Auto, bool cached = false)
    {
        try
        {
            var reader = new PipelineReader(pipeline, language);
            var vision = cached
                ? new OcrCache(reader).Get(image, CancellationToken.None).Result.Vision
                : reader.Read(Path.GetFileName(image), File.ReadAllBytes(image), CancellationToken.None);
            Console.Error.Write('.');
            return vision.Pages.Count > 0 ? vision : null;
        }
        catch (Exception e) when (e is IOException or ImageRejectedException or OcrEngineException)
        {
            Console.Error.WriteLine($"\nevaluate fields: {image}: {e.Message} (skipped)");
            return null;
        }
    }

    /// <summary>Generated samples: OCR each image with the engine, extract with the true type (this measures extraction,
    /// not classification), compare every field the type's schema reads against the ground truth's normalised value.</summary>
    private static int Generated(string dir, FieldExtractor extractor, string ocr, bool truthLanguage, string? missesOf, bool useCache, bool claimContext, OcrOptions ocrOptions)
    {
        if (ocr != "engine") return Unsupported("--format generated has no text lines of its own; use --ocr engine.");
        var samples = GroundTruthJson.LoadFolder(dir);
        if (useCache)
            foreach (var folder in samples.Select(x => Path.GetDirectoryName(Path.GetFullPath(x.ImagePath))!).Distinct(StringComparer.Ordinal))
                RequireWritable(folder);
        var schemas = extractor.Schemas.ToDictionary(s => s.Type);
        var read = new List<(string Image, GroundTruth Truth, IReadOnlyList<OcrPage> Pages, FieldExtraction Result)>();
        using (var pool = new EnginePool(ocrOptions))
        using (var script = CommittedScriptGuess.Load())
        {
            var pipeline = new VisionPipeline(pool, script);
            foreach (var (image, truth) in samples)
            {
                if (!schemas.ContainsKey(truth.Type)) continue;
                // The OCR model follows the sample's language, so this measures extraction rather than script detection.
                var language = truthLanguage ? (truth.Language == "zh" ? "chi_sim" : "eng") : OcrOptions.Auto;
                if (Ocr(pipeline, image, language, useCache) is { } vision)
                    read.Add((image, truth, vision.Pages, extractor.Extract(truth.Type, vision)));
            }
        }
        Console.Error.WriteLine();
        var fields = claimContext ? InClaimContext(read.Select(r => (r.Truth, r.Result)).ToList()) : read.Select(r => r.Result.Fields).ToList();

        var scores = new FieldScores();
        var keyScores = new FieldScores();
        for (var i = 0; i < read.Count; i++)
        {
            var (image, truth, pages, _) = read[i];
            foreach (var spec in schemas[truth.Type].Fields)
            {
                var expected = truth.Fields.TryGetValue(spec.Name, out var t);
                var predicted = fields[i].TryGetValue(spec.Name, out var f);
                var correct = expected && predicted && FieldMatcher.Matches(spec.Name, t!.Normalized, f!, TextMatch.Strict);
                if (!expected && !predicted) continue;
                scores.Add($"{truth.Type.Label}/{spec.Name}", expected, predicted, correct);
                if (spec.IsKey) keyScores.Add(spec.Name, expected, predicted, correct);
                var show = missesOf switch { null => false, "key" => spec.IsKey, "all" => true, _ => spec.Name == missesOf };
                if (show && expected && !correct)
                    PrintMiss(Path.GetFileNameWithoutExtension(image), truth.Type.Label, spec.Name, t!.Normalized, predicted ? f!.Normalized : null, pages);
            }
        }
        Print("Generated set, every schema field (normalised values compared)", scores);
        Print("Generated set, key fields across types", keyScores);
        return 0;
    }

    /// <summary>Each document's fields after its case's documents (one claim) settled the all-numeric dates, the doubtful
    /// diagnoses, the misread ID numbers and the totals it could not (<see cref="ClaimReadings"/>, as claim assessment
    /// applies it); how many is printed.</summary>
    private static List<IReadOnlyDictionary<string, ExtractedField>> InClaimContext(List<(GroundTruth Truth, FieldExtraction Result)> read)
    {
        var fields = read.Select(r => r.Result.Fields).ToList();
        var (changed, diagnoses, ids, totals) = (0, 0, 0, 0);
        foreach (var claim in Enumerable.Range(0, read.Count).GroupBy(i => read[i].Truth.CaseId, StringComparer.Ordinal))
        {
            var indices = claim.ToList();
            var documents = indices.Select(i => new AnalyzedDocument
            {
                DocumentId = new DocumentId(read[i].Truth.Id), FileName = read[i].Truth.Image, Sha256 = "",
                Classification = new DocumentClassification(read[i].Truth.Type, 1, []), // extraction used the true type
                Fields = read[i].Result.Fields, DateOrder = read[i].Result.DateOrder,
            }).ToList();
            var settled = ClaimReadings.Settle(documents);
            for (var k = 0; k < indices.Count; k++)
            {
                changed += ClaimDateOrder.Reread(settled[k]).Count();
                diagnoses += ClaimDiagnosis.Settled(settled[k]) is null ? 0 : 1;
                ids += ClaimIdNumber.Settled(settled[k]) is null ? 0 : 1;
                totals += ClaimTotal.Settled(settled[k]) is null ? 0 : 1;
                fields[indices[k]] = settled[k].Fields;
            }
        }
        Console.Error.WriteLine($"evaluate fields: claim context: {changed} all-numeric date(s) read in the order their case's other documents prove, " +
                                $"{diagnoses} doubtful diagnosis(es) named by the code another document prints, " +
                                $"{ids} misread ID number(s) read as the one other documents witness, " +
                                $"{totals} total(s) with the currency sign read as a digit (--per-document to score without).");
        return fields;
    }

    /// <summary>One generated-set miss; personal values masked (<see cref="Domain.Privacy.Mask.FieldValue"/>), a provider miss with the page's first OCR lines
    /// (where a title names the provider).</summary>
    private static void PrintMiss(string id, string type, string field, string truth, string? got, IReadOnlyList<OcrPage> pages)
    {
        string Show(string? v) => v is null ? "(none)"
            : field is FieldNames.PatientIdNumber or FieldNames.CardNumber ? $"{Domain.Privacy.Mask.FieldValue(field, v)} ({v.Length} chars)"
            : Domain.Privacy.Mask.FieldValue(field, v);
        Console.WriteLine($"{id} {type}/{field}\n  truth: {Show(truth)}\n  got:   {Show(got)}");
        if (field == FieldNames.ProviderName)
            foreach (var line in pages[0].Lines.Take(3)) Console.WriteLine($"  ocr:   {line.Text}");
    }

    private static void Print(string title, FieldScores scores)
    {
        var table = new Table().Title(title);
        table.AddColumn("field");
        table.AddColumn(new TableColumn("n").RightAligned());
        table.AddColumn(new TableColumn("P").RightAligned());
        table.AddColumn(new TableColumn("R").RightAligned());
        table.AddColumn(new TableColumn("F1").RightAligned());
        foreach (var f in scores.Fields.Append(scores.Overall))
            table.AddRow(f.Field, f.Expected.ToString(System.Globalization.CultureInfo.InvariantCulture), F(f.Precision), F(f.Recall), F(f.F1));
        AnsiConsole.Write(table);
    }

    private static string F(double v) => v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);

    private static int Unsupported(string why)
    {
        Console.Error.WriteLine($"evaluate fields: {why}");
        return 2;
    }

    private static int Sroie(string dir, FieldExtractor extractor, string ocr, int tuneCount, bool showMisses, bool useCache, OcrOptions ocrOptions, DocumentClassifier? classifier)
    {
        var samples = SroieDataset.Load(dir);
        if (ocr == "engine" && useCache) RequireWritable(Path.Combine(dir, "img"));
        if (ocr == "engine") samples = WithEngineOcr(dir, samples, useCache, ocrOptions, classifier);
        if (samples.Count == 0) return Unsupported($"{dir}: no receipts with both box/*.csv and key/*.json.");
        var halves = new (string Name, IReadOnlyList<SroieSample> Set)[]
        {
            ($"tune (first {Math.Min(tuneCount, samples.Count)})", [.. samples.Take(tuneCount)]),
            ($"held out ({Math.Max(0, samples.Count - tuneCount)})", [.. samples.Skip(tuneCount)]),
            ($"all ({samples.Count})", samples),
        };
        if (showMisses)
        {
            // Only the tuning half: looking at held-out misses would turn it into a second tuning set.
            SroieEvaluation.Score(halves[0].Set, extractor, TextMatch.IgnoreSpaces,
                (id, field, truth, predicted) => Console.WriteLine($"{id} {field}\n  truth: {truth}\n  got:   {predicted ?? "(none)"}"));
        }
        foreach (var mode in new[] { TextMatch.Strict, TextMatch.IgnoreSpaces })
        {
            var table = new Table().Title($"SROIE fields{(classifier is null ? "" : ", each receipt read as the type the classifier chose")}, text compared {(mode == TextMatch.Strict ? "exactly (whitespace collapsed)" : "ignoring spaces and case")}; dates as ISO, totals as decimals");
            table.AddColumn("set");
            table.AddColumn("field");
            table.AddColumn(new TableColumn("P").RightAligned());
            table.AddColumn(new TableColumn("R").RightAligned());
            table.AddColumn(new TableColumn("F1").RightAligned());
            foreach (var (name, set) in halves)
            {
                if (set.Count == 0) continue;
                var scores = SroieEvaluation.Score(set, extractor, mode);
                foreach (var f in scores.Fields.Append(scores.Overall))
                    table.AddRow(name, f.Field, F(f.Precision), F(f.Recall), F(f.F1));
                table.AddEmptyRow();
            }
            AnsiConsole.Write(table);
        }
        return 0;
    }
}
