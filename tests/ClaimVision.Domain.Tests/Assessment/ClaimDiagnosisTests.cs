using ClaimVision.Domain.Assessment;
using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using static ClaimVision.Domain.Tests.Assessment.Claims;

namespace ClaimVision.Domain.Tests.Assessment;

public class ClaimDiagnosisTests
{
    /// <summary>A settlement sheet whose diagnosis lost a glyph: one away from two catalogue names, nothing on it says which.</summary>
    private static AnalyzedDocument Sheet(double confidence = 0.62) => Settlement().With(
        F(FieldNames.Diagnosis, "社区获得性肺", confidence) with
        {
            Alternatives = [new FieldAlternative("社区获得性肺炎", "J18.9"), new FieldAlternative("社区获得性肺脓肿", "J85.1")],
        });

    [Fact]
    public void A_doubtful_diagnosis_takes_the_name_of_the_code_another_document_of_the_claim_prints()
    {
        var discharge = Discharge();
        var settled = ClaimDiagnosis.Reconcile([discharge, Sheet()]);

        var diagnosis = settled[1].Field(FieldNames.Diagnosis)!;
        Assert.Equal("社区获得性肺", diagnosis.Value);            // what was printed as read stays
        Assert.Equal("社区获得性肺炎", diagnosis.Normalized);
        Assert.Equal(0.62, diagnosis.Confidence);
        Assert.Null(diagnosis.Alternatives);
        var check = Assert.Single(diagnosis.Checks, c => c.Name == ClaimDiagnosis.CheckName);
        Assert.True(check.Passed);
        Assert.Contains("discharge.jpg", check.Message, StringComparison.Ordinal);
        Assert.Contains("J18.9", check.Message, StringComparison.Ordinal);
        Assert.Same(diagnosis, ClaimDiagnosis.Settled(settled[1]));
        Assert.Same(discharge, settled[0]);
        Assert.Equal("8650.40", settled[1].Field(FieldNames.TotalAmount)!.Value);
    }

    [Fact]
    public void A_settled_diagnosis_is_trusted_no_more_than_a_catalogue_repair()
    {
        var diagnosis = ClaimDiagnosis.Reconcile([Discharge(), Sheet(confidence: 0.84)])[1].Field(FieldNames.Diagnosis)!;
        Assert.Equal(ClaimDiagnosis.SettledConfidence, diagnosis.Confidence);
    }

    [Fact]
    public void Codes_that_disagree_settle_nothing()
    {
        var other = Discharge(code: "J85.1") with { DocumentId = new DocumentId("certificate"), FileName = "certificate.jpg" };
        var documents = new[] { Discharge(), other, Sheet() };
        Assert.Same(documents[2], ClaimDiagnosis.Reconcile(documents)[2]);
    }

    [Fact]
    public void A_code_none_of_the_alternatives_has_settles_nothing()
    {
        var documents = new[] { Discharge(code: "K35.8"), Sheet() };
        var settled = ClaimDiagnosis.Reconcile(documents);
        Assert.Same(documents[1], settled[1]);
        Assert.Null(ClaimDiagnosis.Settled(settled[1]));
    }

    [Fact]
    public void A_failed_or_unclassified_document_s_code_settles_nothing()
    {
        foreach (var witness in Unreadable(Discharge()))
        {
            var documents = new[] { witness, Sheet() };
            Assert.Same(documents[1], ClaimDiagnosis.Reconcile(documents)[1]);
        }
    }

    [Fact]
    public void A_code_read_unsurely_or_completed_chooses_nothing()
    {
        var unsure = Discharge().With(F(FieldNames.DiagnosisCode, "J18.9", 0.6));
        var completed = Discharge().With(F(FieldNames.DiagnosisCode, "18.9", 0.93, normalized: "J18.9") with
        {
            Checks = [new FieldCheck("icdCodeShape", false, "no chapter letter")],
        });
        foreach (var witness in new[] { unsure, completed })
        {
            var documents = new[] { witness, Sheet() };
            Assert.Same(documents[1], ClaimDiagnosis.Reconcile(documents)[1]);
        }
    }

    /// <summary>A document of the claim reading the diagnosis code as <paramref name="value"/> at <paramref name="confidence"/>.</summary>
    private static AnalyzedDocument Reading(string id, string value, double confidence, string? normalized = null) =>
        Discharge().With(F(FieldNames.DiagnosisCode, value, confidence, normalized)) with { DocumentId = new DocumentId(id), FileName = $"{id}.jpg", Sha256 = $"{id}-sha" };

    [Fact]
    public void Two_documents_reading_the_code_as_printed_choose_together_when_neither_is_sure()
    {
        var settled = ClaimDiagnosis.Reconcile([Reading("discharge", "J18.9", 0.78), Reading("certificate", "J18.9", 0.65), Sheet()]);

        var diagnosis = settled[2].Field(FieldNames.Diagnosis)!;
        Assert.Equal("社区获得性肺炎", diagnosis.Normalized);
        Assert.Equal(0.62, diagnosis.Confidence);
        var check = Assert.Single(diagnosis.Checks, c => c.Name == ClaimDiagnosis.CheckName);
        Assert.Contains("discharge.jpg and certificate.jpg in the same claim read J18.9", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corroboration_needs_two_documents_each_reading_the_code_as_printed_and_surely_enough()
    {
        var unsure = ClaimDiagnosis.CorroboratedCodeConfidence - 0.01;
        var cases = new[]
        {
            new[] { Reading("discharge", "J18.9", 0.78), Sheet() },
            [Reading("discharge", "J18.9", 0.78), Reading("certificate", "J18.9", unsure), Sheet()],
            // Read without its chapter letter and given it back: not the code as printed.
            [Reading("discharge", "J18.9", 0.78), Reading("certificate", "18.9", 0.8, normalized: "J18.9"), Sheet()],
            [Reading("discharge", "J18.9", 0.78), Reading("certificate", "J18.9", 0.8).With(F(FieldNames.DiagnosisCode, "J18.9", 0.8) with
            {
                Checks = [new FieldCheck("icdCodeShape", false, "doubtful")],
            }), Sheet()],
            // One photograph uploaded twice: the same reading, not a second one.
            [Reading("discharge", "J18.9", 0.78) with { Sha256 = "ab12" }, Reading("copy", "J18.9", 0.78) with { Sha256 = "ab12" }, Sheet()],
        };
        foreach (var documents in cases)
            Assert.Same(documents[^1], ClaimDiagnosis.Reconcile(documents)[^1]);
    }

    [Fact]
    public void An_s_read_as_a_dollar_sign_corroborates_as_the_s()
    {
        // 桡 misread on every page (模骨远端骨折: 桡骨 or 肱骨?); the discharge summary reads S52.5, the certificate $52.5.
        var sheet = Settlement().With(F(FieldNames.Diagnosis, "模骨远端骨折", 0.54) with
        {
            Alternatives = [new FieldAlternative("肱骨远端骨折", "S42.4"), new FieldAlternative("桡骨远端骨折", "S52.5")],
        });
        var settled = ClaimDiagnosis.Reconcile([Reading("discharge", "S52.5", 0.71), Reading("certificate", "$52.5", 0.66, normalized: "S52.5"), sheet]);
        Assert.Equal("桡骨远端骨折", settled[2].Field(FieldNames.Diagnosis)!.Normalized);

        // A 5 in the S's place could have been an S or nothing: not as printed.
        var five = ClaimDiagnosis.Reconcile([Reading("discharge", "S52.5", 0.71), Reading("certificate", "552.5", 0.66, normalized: "S52.5"), sheet]);
        Assert.Same(sheet, five[2]);
    }

    [Fact]
    public void An_unsure_code_that_differs_still_breaks_the_agreement()
    {
        var other = Discharge().With(F(FieldNames.DiagnosisCode, "J85.1", 0.5)) with { DocumentId = new DocumentId("certificate"), FileName = "certificate.jpg" };
        var documents = new[] { Discharge(), other, Sheet() };
        Assert.Same(documents[2], ClaimDiagnosis.Reconcile(documents)[2]);
    }

    [Fact]
    public void A_document_classified_less_surely_than_the_policy_asks_chooses_nothing()
    {
        var doubtful = Discharge() with { Classification = new DocumentClassification(DocumentType.DischargeSummary, 0.4, []) };
        var documents = new[] { doubtful, Sheet() };
        Assert.Same(documents[1], ClaimDiagnosis.Reconcile(documents, minClassificationConfidence: 0.5)[1]);
        Assert.Equal("社区获得性肺炎", ClaimDiagnosis.Reconcile(documents)[1].Field(FieldNames.Diagnosis)!.Normalized);
    }

    [Fact]
    public void Codes_are_compared_as_codes_not_as_text()
    {
        // "j18 9" on one page and J18.9 in the catalogue are the same code.
        var documents = new[] { Discharge(code: "j18 9"), Sheet() };
        Assert.Equal("社区获得性肺炎", ClaimDiagnosis.Reconcile(documents)[1].Field(FieldNames.Diagnosis)!.Normalized);
    }

    [Fact]
    public void Assessment_checks_the_settled_diagnosis_and_says_which_reading_the_claim_settled()
    {
        var exclusions = Assess([Invoice(), ExpenseList(), Sheet(), Discharge()]).Factor(ExclusionsRule.Name);
        Assert.Equal(FactorStatus.Pass, exclusions.Status);
        Assert.Contains("'社区获得性肺' on settlement.jpg as '社区获得性肺炎'", exclusions.Reason, StringComparison.Ordinal);

        var unsettled = Assess([Invoice(), ExpenseList(), Sheet(), Discharge(code: "K35.8")]).Factor(ExclusionsRule.Name);
        Assert.DoesNotContain("settled", unsettled.Reason, StringComparison.Ordinal);
    }
}
