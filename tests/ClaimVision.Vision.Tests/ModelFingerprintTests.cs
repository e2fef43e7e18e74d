using ClaimVision.Vision.Ocr;

namespace ClaimVision.Vision.Tests;

/// <summary>The model files are part of what a reading depends on: another traineddata under the same Tesseract must
/// change the pipeline version (OCR caches, recommendations), the same files elsewhere must not.</summary>
public sealed class ModelFingerprintTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cv-models-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private string CopyOfDebianModels(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        foreach (var language in new[] { "eng", "chi_sim", "osd" })
            File.Copy(Path.Combine(OcrOptions.DebianTessdata, language + ".traineddata"), Path.Combine(folder, language + ".traineddata"));
        return folder;
    }

    [Fact]
    public void The_same_files_in_another_folder_give_the_same_fingerprint_and_a_changed_model_another()
    {
        var a = CopyOfDebianModels("a");
        var b = CopyOfDebianModels("b");
        var debian = ModelFingerprint.Of(new OcrOptions { TessdataPath = OcrOptions.DebianTessdata });
        Assert.Matches("^models-[0-9a-f]{8}$", debian);
        Assert.Equal(debian, ModelFingerprint.Of(new OcrOptions { TessdataPath = a }));
        Assert.Equal(debian, ModelFingerprint.Of(new OcrOptions { TessdataPath = b }));

        // A retrained chi_sim of the same size: one byte differs.
        var file = Path.Combine(b, "chi_sim.traineddata");
        var bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0x5A;
        File.WriteAllBytes(file, bytes);
        Assert.NotEqual(debian, ModelFingerprint.Of(new OcrOptions { TessdataPath = b }));
    }

    [Fact]
    public void A_model_the_options_never_use_does_not_count_and_a_language_they_add_does()
    {
        var folder = CopyOfDebianModels("c");
        var before = ModelFingerprint.Of(new OcrOptions { TessdataPath = folder });
        File.Copy(Path.Combine(folder, "eng.traineddata"), Path.Combine(folder, "deu.traineddata"));
        Assert.Equal(before, ModelFingerprint.Of(new OcrOptions { TessdataPath = folder }));
        Assert.Contains("deu", ModelFingerprint.Languages(new OcrOptions { Language = "deu+eng" }));
        Assert.NotEqual(before, ModelFingerprint.Of(new OcrOptions { TessdataPath = folder, Language = "deu+eng" }));
    }

    [Fact]
    public void The_pipeline_version_names_its_models()
    {
        using var pool = new EnginePool(new OcrOptions { PoolSize = 1 });
        var vision = new VisionPipeline(pool);
        Assert.Contains($"/{ModelFingerprint.Of(pool.Options)}/vision-", vision.Version, StringComparison.Ordinal);
        Assert.Equal(vision.Models, ModelFingerprint.Of(pool.Options));
    }
}
