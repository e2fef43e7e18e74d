using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Payments;
using ClaimVision.Intelligence.Validation;
using ClaimVision.Synthesis;
using ClaimVision.Vision;
using Xunit.Abstractions;

namespace ClaimVision.Intelligence.Tests;

/// <summary>
/// Generate → OCR with the automatic language (as a claim's documents are read) → the bank-card extractor: the card
/// number of generated cards — light print on dark faces, phone-photo degradation — comes back whole and passes its Luhn
/// check: 11 of these 12 (measured 2026-12-03, Tesseract 5.3.0); 9 before the vision layer measured dark faces on their
/// inverted page (seventeenth session), which this test then fails. The held-out card set reads 59 of 60.
/// </summary>
public sealed class BankCardRoundTripTests(AnalyzerFixture fixture, ITestOutputHelper output) : IClassFixture<AnalyzerFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cv-bankcards-").FullName;

    [Fact]
    public void Card_numbers_of_generated_cards_survive_rendering_and_OCR()
    {
        SampleGenerator.Generate(new SampleSetOptions { Count = 12, Seed = 7, OutputDirectory = _dir, Threads = 1, Types = [DocumentType.BankCard] });
        var extractor = new FieldExtractor();
        var read = 0;
        foreach (var (image, truth) in GroundTruthJson.LoadFolder(_dir))
        {
            var pages = fixture.Pipeline.Process(File.ReadAllBytes(image), Path.GetFileName(image), new VisionOptions()).Pages;
            var fields = extractor.Extract(DocumentType.BankCard, new VisionResult(pages, [])).Fields;
            var number = fields.GetValueOrDefault(FieldNames.CardNumber);
            output.WriteLine($"{Path.GetFileName(image)}: {number?.Normalized ?? "(none)"} vs {truth.Fields[FieldNames.CardNumber].Normalized}");
            if (number?.Normalized != truth.Fields[FieldNames.CardNumber].Normalized) continue;
            read++;
            Assert.True(PaymentCard.PassesLuhn(number.Normalized));
            Assert.Contains(number.Checks, c => c.Name == CardNumberCheck.Name && c.Passed);
        }
        Assert.True(read >= 11, $"{read} of 12 card numbers read");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
