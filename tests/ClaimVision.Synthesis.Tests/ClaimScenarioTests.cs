using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using ClaimVision.Synthesis.Cases;
using ClaimVision.Synthesis.Claims;

namespace ClaimVision.Synthesis.Tests;

public sealed class ClaimScenarioTests
{
    [Fact]
    public void Every_scenario_bills_what_its_hand_arithmetic_states()
    {
        foreach (var scenario in ClaimScenarios.All)
        {
            var c = ClaimSampleWriter.BuildCase(scenario, 7);
            Assert.Equal(scenario.StatedTotal, c.Settlement.Total);
            Assert.Equal(scenario.StatedBasicPaid, c.Settlement.InsurancePaid);
            Assert.Equal(scenario.Person.Name, c.Patient.Name);
            Assert.Equal(scenario.InvoiceNumber, c.InvoiceNumber);
        }
    }

    [Fact]
    public void A_scenario_whose_items_do_not_give_its_stated_total_is_refused()
    {
        var wrong = ClaimScenarios.All[0] with { StatedTotal = ClaimScenarios.All[0].StatedTotal + 1 };
        var e = Assert.Throws<InvalidOperationException>(() => ClaimSampleWriter.BuildCase(wrong, 7));
        Assert.Contains(wrong.Id, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_samples_cover_every_decision_with_unique_claim_ids_and_one_shared_invoice_for_the_duplicate()
    {
        var all = ClaimScenarios.All;
        Assert.True(all.Count >= 12);
        Assert.Equal(Enum.GetValues<Decision>().ToHashSet(), all.Select(s => s.Expected.Decision).ToHashSet());
        Assert.Equal(all.Count, all.Select(s => ClaimSampleWriter.Request(s).ClaimId).Distinct().Count());
        Assert.Single(all.GroupBy(s => s.InvoiceNumber), g => g.Count() > 1);
        Assert.All(all.Where(s => s.Expected.Decision is Decision.Reject or Decision.Review), s => Assert.Equal(0m, s.Expected.PayableAmount));
    }

    [Fact]
    public void Obscuring_a_field_the_document_does_not_print_is_an_error()
    {
        var c = CaseGenerator.Generate(3, "zh");
        var e = Assert.Throws<ArgumentException>(() => DocumentRenderer.Render(c, DocumentType.DischargeSummary, new RenderOptions { Severity = 0, Obscured = [FieldNames.TotalAmount] }, 1));
        Assert.Contains(FieldNames.TotalAmount, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_a_claim_gives_claim_json_expected_json_and_one_image_per_document()
    {
        var dir = Path.Combine(Path.GetTempPath(), "cv-claim-" + Guid.NewGuid().ToString("N"));
        try
        {
            var scenario = ClaimScenarios.All.Single(s => s.Fault == ScenarioFault.TruncatedDischargeSummary);
            ClaimSampleWriter.Write(scenario, dir, 5);
            Assert.True(File.Exists(Path.Combine(dir, ClaimSampleWriter.ClaimFile)));
            Assert.Contains("\"decision\": \"review\"", File.ReadAllText(Path.Combine(dir, ClaimSampleWriter.ExpectedFile)), StringComparison.Ordinal);
            var images = Directory.GetFiles(dir).Where(f => !f.EndsWith(".json", StringComparison.Ordinal)).ToList();
            Assert.Equal(scenario.Documents.Count, images.Count);
            Assert.Equal(ClaimSampleWriter.TruncatedLength, new FileInfo(images.Single(f => f.Contains("discharge-summary", StringComparison.Ordinal))).Length);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
