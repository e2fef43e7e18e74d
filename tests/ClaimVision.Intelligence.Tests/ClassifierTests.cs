using System.Text.Json;
using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Classification;
using ClaimVision.Intelligence.Learning;

namespace ClaimVision.Intelligence.Tests;

/// <summary>Trains once on hand-made OCR pages of five distinct types, then checks the classifier's behaviour.</summary>
public sealed class TrainedClassifierFixture : IDisposable
{
    public TrainedClassifierFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), $"cv-classifier-{Guid.NewGuid():n}");
        Training = HandMadeDocuments.Make(perType: 24, seed: 1);
        Card = ClassifierTrainer.TrainAndSave(Training, Directory, new TrainingOptions { Seed = 1, ValidationShare = 0.25 }, ocrVersion: "test", source: "hand-made");
        Classifier = DocumentClassifier.Load(Directory);
    }

    public string Directory { get; }
    public IReadOnlyList<TrainingDocument> Training { get; }
    public ModelCard Card { get; }
    public DocumentClassifier Classifier { get; }

    public void Dispose()
    {
        Classifier.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

[CollectionDefinition(XGBoostSerial.Name, DisableParallelization = true)]
public sealed class XGBoostSerialFixtures : ICollectionFixture<TrainedClassifierFixture>;

[Collection(XGBoostSerial.Name)]
public sealed class ClassifierTests(TrainedClassifierFixture fixture)
{
    [Fact]
    public void Unseen_documents_of_each_type_get_their_label_with_confidence_above_the_threshold()
    {
        var test = HandMadeDocuments.Make(perType: 6, seed: 99);
        foreach (var doc in test)
        {
            var result = fixture.Classifier.Classify(doc.Vision);
            Assert.Equal(doc.Label, result.Label);
            Assert.True(result.Confidence >= fixture.Card.ConfidenceThreshold, $"{doc.Label}: {result.Confidence}");
            Assert.Equal(3, result.Alternatives.Count);
            Assert.Equal(doc.Label, result.Alternatives[0].Label);
            Assert.True(result.Alternatives[0].Probability >= result.Alternatives[1].Probability);
        }
    }

    [Fact]
    public void Nearly_empty_text_is_other_with_low_confidence()
    {
        var result = fixture.Classifier.Classify(ClassifierPages.Vision("~ .", "1"));
        Assert.Equal(DocumentType.Other, result.Label);
        Assert.True(result.Confidence < fixture.Card.ConfidenceThreshold);
    }

    [Fact]
    public void Text_unlike_anything_in_training_gets_a_low_confidence()
    {
        var result = fixture.Classifier.Classify(ClassifierPages.Vision(
            "Quarterly sprocket inventory reconciliation", "Widget flange torque calibration notes", "Zebra xylophone umbrella quartz"));
        Assert.True(result.Confidence < fixture.Card.ConfidenceThreshold, $"{result.Label} at {result.Confidence}");
    }

    [Fact]
    public void Coverage_is_high_for_training_like_text_and_low_for_foreign_text()
    {
        var known = Features.DocumentFeatures.Extract(fixture.Training[0].Vision);
        var foreign = Features.DocumentFeatures.Extract(ClassifierPages.Vision("Zebra xylophone umbrella quartz sprocket"));
        Assert.True(fixture.Classifier.Coverage(known) > 0.99);
        Assert.True(fixture.Classifier.Coverage(foreign) < 0.2);
    }

    [Fact]
    public void Card_records_data_hash_counts_parameters_and_metrics()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.Directory, DocumentClassifier.CardFileName)));
        var root = json.RootElement;
        var data = root.GetProperty("trainingData");
        Assert.Equal(ClassifierTrainer.DataHash(fixture.Training), data.GetProperty("sha256").GetString());
        Assert.Equal(64, data.GetProperty("sha256").GetString()!.Length);
        Assert.Equal(fixture.Training.Count, data.GetProperty("documents").GetInt32());
        Assert.Equal(24, data.GetProperty("classCounts").GetProperty("lab-report").GetInt32());
        Assert.Equal("multi:softprob", root.GetProperty("parameters").GetProperty("objective").GetString());
        Assert.Equal(Features.DocumentFeatures.SpecVersion, root.GetProperty("featureSpecVersion").GetString());
        Assert.True(root.GetProperty("validation").GetProperty("macroF1").GetDouble() > 0.9);
        Assert.True(root.GetProperty("temperature").GetDouble() >= 1);
        Assert.StartsWith("xgboost 1.", root.GetProperty("library").GetString(), StringComparison.Ordinal);
        Assert.Equal(fixture.Card.Version, fixture.Classifier.ModelVersion);
    }

    [Fact]
    public void Data_hash_ignores_order_but_not_labels()
    {
        var docs = fixture.Training.Take(5).ToList();
        var reversed = Enumerable.Reverse(docs).ToList();
        Assert.Equal(ClassifierTrainer.DataHash(docs), ClassifierTrainer.DataHash(reversed));
        var relabelled = docs.Select((d, i) => i == 0 ? d with { Label = DocumentType.Other } : d).ToList();
        Assert.NotEqual(ClassifierTrainer.DataHash(docs), ClassifierTrainer.DataHash(relabelled));
    }

    [Fact]
    public void A_model_directory_without_a_card_is_a_clear_error()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"cv-nocard-{Guid.NewGuid():n}");
        System.IO.Directory.CreateDirectory(dir);
        try
        {
            File.Copy(Path.Combine(fixture.Directory, DocumentClassifier.ModelFileName), Path.Combine(dir, DocumentClassifier.ModelFileName));
            var e = Assert.Throws<FileNotFoundException>(() => DocumentClassifier.Load(dir));
            Assert.Contains("card.json", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            System.IO.Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_card_from_another_feature_spec_is_refused()
    {
        using var model = GradientBoostedModel.Load(Path.Combine(fixture.Directory, DocumentClassifier.ModelFileName));
        var e = Assert.Throws<InvalidDataException>(() => new DocumentClassifier(model, fixture.Card with { FeatureSpecVersion = "0" }));
        Assert.Contains("retrain", e.Message, StringComparison.Ordinal);
    }
}

/// <summary>Seeded, varied OCR text for five document types (two Chinese, three English).</summary>
internal static class HandMadeDocuments
{
    private static readonly string[] Hospitals = ["北京协和医院", "上海市第一人民医院", "广州市中医院", "成都华西医院", "武汉同济医院"];
    private static readonly string[] Tests = ["Haemoglobin", "White cell count", "Platelets", "Glucose", "Creatinine", "ALT", "Sodium"];
    private static readonly string[] Drugs = ["Amoxicillin 500mg", "Paracetamol 500mg", "Ibuprofen 200mg", "Omeprazole 20mg", "Cetirizine 10mg"];

    public static List<TrainingDocument> Make(int perType, int seed)
    {
        var r = new Random(seed);
        var docs = new List<TrainingDocument>();
        for (var i = 0; i < perType; i++)
        {
            docs.Add(Doc(DocumentType.InpatientInvoice, r, [
                $"{Pick(r, Hospitals)} 住院收费票据", $"住院号 {r.Next(100000, 999999)}  入院日期 2023年{r.Next(1, 13)}月{r.Next(1, 28)}日",
                $"床位费 {r.Next(100, 999)}.00  西药费 {r.Next(100, 9999)}.{r.Next(10, 99)}", $"合计 ¥{r.Next(1000, 99999)}.00"]));
            docs.Add(Doc(DocumentType.DischargeSummary, r, [
                $"{Pick(r, Hospitals)} 出院小结", $"入院诊断 {Pick(r, ["肺炎", "阑尾炎", "骨折", "糖尿病"])}",
                "诊疗经过 患者入院后完善相关检查 给予对症治疗", $"出院医嘱 休息{r.Next(3, 30)}天 定期复查"]));
            docs.Add(Doc(DocumentType.LabReport, r, [
                "City General Hospital Laboratory Report", $"Specimen: {Pick(r, ["Blood", "Serum", "Urine"])}  Collected {r.Next(1, 28)}/0{r.Next(1, 9)}/2023",
                $"{Pick(r, Tests)}  {r.Next(1, 200)}.{r.Next(0, 9)}  Reference range {r.Next(1, 50)}-{r.Next(60, 300)}",
                $"{Pick(r, Tests)}  {r.Next(1, 200)}.{r.Next(0, 9)}  Reference range {r.Next(1, 50)}-{r.Next(60, 300)}"]));
            docs.Add(Doc(DocumentType.BankCard, r, [
                Pick(r, ["UnionPay 银联", "VISA", "Mastercard"]), $"{r.Next(1000, 9999)} {r.Next(1000, 9999)} {r.Next(1000, 9999)} {r.Next(1000, 9999)}",
                $"VALID THRU {r.Next(1, 12):00}/{r.Next(25, 32)}", "DEBIT"]));
            docs.Add(Doc(DocumentType.PharmacyReceipt, r, [
                $"{Pick(r, ["Guardian", "Watsons", "Caring"])} Pharmacy", $"Rx No {r.Next(10000, 99999)}",
                $"{Pick(r, Drugs)}  x{r.Next(1, 5)}  {r.Next(5, 90)}.{r.Next(10, 99)}", $"Total RM {r.Next(10, 300)}.{r.Next(10, 99)}  Thank you"]));
        }
        return docs;
    }

    private static TrainingDocument Doc(DocumentType type, Random r, string[] lines) =>
        new(Convert.ToHexStringLower(BitConverter.GetBytes(r.NextInt64())).PadLeft(64, '0'), type, ClassifierPages.Vision(lines));

    private static string Pick(Random r, string[] options) => options[r.Next(options.Length)];
}
