using ClaimVision.Domain.Documents;
using ClaimVision.Synthesis.Cases;

namespace ClaimVision.Synthesis.Tests;

public class RenderSmokeTests
{
    [Fact]
    public void Dump()
    {
        var dir = Environment.GetEnvironmentVariable("SYNTH_DUMP");
        if (dir is null) return;
        Directory.CreateDirectory(dir);
        var i = 0;
        foreach (var lang in new[] { "zh", "en" })
        foreach (var t in DocumentType.BuiltIn)
        {
            var c = CaseGenerator.Generate(100 + i, lang);
            var sev = double.Parse(Environment.GetEnvironmentVariable("SYNTH_SEV") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            var doc = DocumentRenderer.Render(c, t, new RenderOptions { Id = $"{t}-{lang}", Severity = sev }, 1000 + i++);
            File.WriteAllBytes(Path.Combine(dir, doc.Truth.Image), doc.Image);
            File.WriteAllText(Path.Combine(dir, doc.Truth.Id + ".json"), GroundTruthJson.Serialize(doc.Truth));
        }
    }
}
