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
    public void Explain_breaks_the_chosen_score_into_the_documents_own_cues()
    {
        var invoice = HandMadeDocuments.Make(perType: 1, seed: 42).First(d => d.Label == DocumentType.InpatientInvoice).Vision;
        var e = fixture.Classifier.Explain(invoice, top: 5);

        Assert.Equal(fixture.Classifier.Classify(invoice), e.Classification, new ClassificationComparer());
        Assert.Equal(DocumentType.InpatientInvoice, e.Explained);
        Assert.Equal(e.Classification.Alternatives[0].Probability, e.Probability, 3);
        Assert.InRange(e.For.Count, 1, 5);
        Assert.All(e.For, c => Assert.True(c.Contribution > 0));
        Assert.All(e.Against, c => Assert.True(c.Contribution < 0));
        Assert.Equal(e.For.OrderByDescending(c => c.Contribution), e.For);
        Assert.Equal(e.Against.OrderBy(c => c.Contribution), e.Against);
        // The strongest reasons for "inpatient invoice" are in the page: a Chinese n-gram of it, a keyword or the type's hits.
        var text = string.Join("", invoice.Pages.Select(p => p.Text));
        Assert.Contains(e.For, c => c.Value is not null && (c.Feature.StartsWith("kw:", StringComparison.Ordinal) || c.Feature.StartsWith("type:", StringComparison.Ordinal)
            || c.Feature.Split(" | ").Any(g => g.StartsWith("c:", StringComparison.Ordinal) && text.Contains(g[2..], StringComparison.Ordinal))));
    }

    [Fact]
    public void Explain_as_another_type_names_the_missing_cues_from_a_vocabulary_or_by_bucket()
    {
        var docs = HandMadeDocuments.Make(perType: 1, seed: 43);
        var invoice = docs.First(d => d.Label == DocumentType.InpatientInvoice).Vision;
        var report = docs.First(d => d.Label == DocumentType.LabReport).Vision;

        var bare = fixture.Classifier.Explain(invoice, DocumentType.LabReport, top: 10);
        var named = fixture.Classifier.Explain(invoice, DocumentType.LabReport, top: 10, Features.DocumentFeatures.GramsByBucket(report));

        Assert.Equal(DocumentType.InpatientInvoice, bare.Classification.Label);
        Assert.Equal(DocumentType.LabReport, bare.Explained);
        Assert.True(bare.Probability < 0.2, $"{bare.Probability}");
        Assert.True(bare.Margin < fixture.Classifier.Explain(invoice).Margin);
        // What the invoice lacks of a lab report counts against it; unnamed, such a column is shown by its bucket.
        var missing = bare.Against.Where(c => c.Value is null && c.Column < Features.DocumentFeatures.HashBuckets).ToList();
        Assert.NotEmpty(missing);
        Assert.All(missing, c => Assert.Equal($"bucket {c.Column}", c.Feature));
        Assert.Contains(named.Against, c => c.Value is null && c.Feature.StartsWith("w:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_page_with_too_little_text_is_explained_as_the_rule_that_decided_not_as_model_cues()
    {
        var e = fixture.Classifier.Explain(ClassifierPages.Vision("~ .", "1"));
        Assert.Equal(DocumentType.Other, e.Classification.Label);
        Assert.Contains("too little text", e.Rule, StringComparison.Ordinal);
        Assert.Empty(e.For);
        Assert.Empty(e.Against);
        Assert.Null(fixture.Classifier.Explain(HandMadeDocuments.Make(perType: 1, seed: 44)[0].Vision).Rule);
    }

    [Fact]
    public void Explaining_a_type_the_model_does_not_know_names_the_ones_it_does()
    {
        var e = Assert.Throws<ArgumentException>(() => fixture.Classifier.Explain(ClassifierPages.Vision("住院收费票据 合计 100.00"), new DocumentType("claim-form")));
        Assert.Contains("lab-report", e.Message, StringComparison.Ordinal);
    }

    private sealed class ClassificationComparer : IEqualityComparer<DocumentClassification>
    {
        public bool Equals(DocumentClassification? x, DocumentClassification? y) =>
            x!.Label == y!.Label && x.Confidence == y.Confidence && x.Alternatives.SequenceEqual(y.Alternatives);
        public int GetHashCode(DocumentClassification obj) => obj.Label.GetHashCode();
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
