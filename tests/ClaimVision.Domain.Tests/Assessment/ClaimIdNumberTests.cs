using ClaimVision.Domain.Assessment;
using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Identity;
using static ClaimVision.Domain.Tests.Assessment.Claims;

namespace ClaimVision.Domain.Tests.Assessment;

public class ClaimIdNumberTests
{
    /// <summary>A document of the claim reading the ID number as <paramref name="value"/> at <paramref name="confidence"/>.</summary>
    private static AnalyzedDocument Reading(string id, string value, double confidence = 0.5, DocumentType? type = null) =>
        Doc(id, type ?? DocumentType.ClaimForm, [F(FieldNames.PatientName, Name), F(FieldNames.PatientIdNumber, value, confidence)]);

    private static string Settled(IReadOnlyList<AnalyzedDocument> documents, int index) =>
        AssessmentContext.Text(ClaimIdNumber.Reconcile(documents)[index].Field(FieldNames.PatientIdNumber)!);

    [Fact]
    public void A_resident_id_that_fails_its_checks_is_read_as_the_valid_one_another_document_reads()
    {
        // One digit misread (8 for 3 in the birth month): the check character refuses it; the invoice reads the number whole.
        var documents = new[] { Invoice(), Reading("claim-form", "5226311978081 50428", confidence: 0.82) };
        var settled = ClaimIdNumber.Reconcile(documents);

        var id = settled[1].Field(FieldNames.PatientIdNumber)!;
        Assert.Equal("5226311978081 50428", id.Value);             // what was read stays
        Assert.Equal(Id, id.Normalized);
        Assert.Equal(ClaimIdNumber.SettledConfidence, id.Confidence);
        var check = Assert.Single(id.Checks, c => c.Name == ClaimIdNumber.CheckName);
        Assert.True(check.Passed);
        Assert.Contains("1 character from the one invoice.jpg in the same claim reads", check.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("150428", check.Message, StringComparison.Ordinal);   // no ID number in the note
        Assert.Same(id, ClaimIdNumber.Settled(settled[1]));
        Assert.Same(documents[0], settled[0]);
        Assert.Null(ClaimIdNumber.Settled(settled[0]));
    }

    [Fact]
    public void Two_documents_reading_a_member_number_alike_settle_a_third_read_two_characters_off()
    {
        // A handwritten claim form's member number, a letter lost and one misread; the card and the settlement sheet agree.
        var documents = new[]
        {
            Reading("card", "VTI695204169", type: DocumentType.InsuranceCard),
            Reading("sheet", "VTI 695204169", type: DocumentType.SettlementSheet),
            Reading("form", "VI695284169", confidence: 0.22),
        };
        Assert.Equal("VTI695204169", Settled(documents, 2));
        Assert.Contains("card.jpg and sheet.jpg in the same claim read,",
            ClaimIdNumber.Settled(ClaimIdNumber.Reconcile(documents)[2])!.Checks[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_unsure_reading_of_a_member_number_or_one_photograph_read_twice_settles_nothing()
    {
        var cases = new[]
        {
            new[] { Reading("card", "VTI695204169", type: DocumentType.InsuranceCard), Reading("form", "VII695204169", confidence: 0.22) },
            // The same photograph uploaded twice reads the same misread twice: one witness.
            [Reading("card", "VTI695204169") with { Sha256 = "ab12" }, Reading("copy", "VTI695204169") with { Sha256 = "ab12" }, Reading("form", "VII695204169")],
            // A reading with a failed check vouches for nothing.
            [Reading("card", "VTI695204169"), Reading("sheet", "VTI695204169").With(F(FieldNames.PatientIdNumber, "VTI695204169", 0.5) with
            {
                Checks = [new FieldCheck("memberNumberShape", false, "doubtful")],
            }), Reading("form", "VII695204169")],
        };
        foreach (var documents in cases)
            Assert.Same(documents[^1], ClaimIdNumber.Reconcile(documents)[^1]);
    }

    [Fact]
    public void A_member_number_read_otherwise_only_in_o_and_0_or_i_and_1_is_left_as_read()
    {
        // Two documents in one font read the O as 0; the card reads it as printed. Nothing says which is right.
        var documents = new[] { Reading("sheet", "0J0949387615"), Reading("form", "0J0949387615"), Reading("card", "OJO949387615", type: DocumentType.InsuranceCard) };
        Assert.Same(documents[2], ClaimIdNumber.Reconcile(documents)[2]);
        var ones = new[] { Reading("sheet", "VT1695204169"), Reading("form", "VT1695204169"), Reading("card", "VTI695204169") };
        Assert.Same(ones[2], ClaimIdNumber.Reconcile(ones)[2]);
        // A resident ID's check character says which was printed: an O read for its 0 is settled.
        Assert.Equal(Id, Settled([Invoice(), Reading("form", "5226311978O3150428")], 1));
        // Any other difference beside it is a misread the witnesses settle.
        var other = new[] { Reading("sheet", "0J0949387615"), Reading("form", "0J0949387615"), Reading("card", "0JO949381615") };
        Assert.Equal("0J0949387615", Settled(other, 2));
    }

    [Fact]
    public void One_sure_reading_of_a_member_number_is_a_witness()
    {
        var documents = new[] { Reading("card", "VTI695204169", ClaimIdNumber.WitnessConfidence), Reading("form", "VII695204169", 0.22) };
        Assert.Equal("VTI695204169", Settled(documents, 1));
        var unsure = new[] { Reading("card", "VTI695204169", ClaimIdNumber.WitnessConfidence - 0.01), Reading("form", "VII695204169", 0.22) };
        Assert.Equal("VII695204169", Settled(unsure, 1));
    }

    [Fact]
    public void A_reading_three_characters_off_or_a_valid_resident_id_of_its_own_stays_as_read()
    {
        var far = new[] { Invoice(), Reading("form", "522631197808158420") };     // three digits off
        Assert.Same(far[1], ClaimIdNumber.Reconcile(far)[1]);

        // Another valid number two characters off (the sequence digit and its check character): a second person, for the
        // identity rule to judge, not a misreading.
        var other = Id[..16] + "3";
        other += ResidentId.CheckCharacter(other);
        Assert.True(ResidentId.TryParse(other, out _, out _));
        var documents = new[] { Invoice(), Reading("form", other) };
        Assert.Same(documents[1], ClaimIdNumber.Reconcile(documents)[1]);
        // Not even on a document classified too doubtfully to witness it.
        var doubtful = new[] { Invoice(), Reading("sheet", "522631197808150428"),
            Reading("form", other) with { Classification = new DocumentClassification(DocumentType.ClaimForm, 0.4, []) } };
        var settled = ClaimIdNumber.Reconcile(doubtful, minClassificationConfidence: 0.5);
        Assert.Equal(Id, AssessmentContext.Text(settled[1].Field(FieldNames.PatientIdNumber)!));
        Assert.Same(doubtful[2], settled[2]);
    }

    [Fact]
    public void Two_witnessed_numbers_settle_nothing()
    {
        // Two valid IDs (two people's documents, or a misread that happened to pass) and a third reading near the first.
        var second = Id[..16] + "5";
        second += ResidentId.CheckCharacter(second);
        var documents = new[] { Invoice(), Reading("card", second, type: DocumentType.IdCard), Reading("form", "522631197808150428") };
        Assert.Same(documents[2], ClaimIdNumber.Reconcile(documents)[2]);
    }

    [Fact]
    public void A_failed_unclassified_or_doubtfully_classified_document_witnesses_nothing()
    {
        foreach (var witness in Unreadable(Invoice()))
        {
            var documents = new[] { witness, Reading("form", "522631197808150428") };
            Assert.Same(documents[1], ClaimIdNumber.Reconcile(documents)[1]);
        }
        var doubtful = new[] { Invoice() with { Classification = new DocumentClassification(DocumentType.InpatientInvoice, 0.4, []) },
            Reading("form", "522631197808150428") };
        Assert.Same(doubtful[1], ClaimIdNumber.Reconcile(doubtful, minClassificationConfidence: 0.5)[1]);
        Assert.Equal(Id, Settled(doubtful, 1));
    }

    [Fact]
    public void A_short_number_or_a_document_with_none_read_is_left_alone()
    {
        var documents = new[] { Reading("card", "VT1695", 0.9), Reading("form", "VT1696", 0.3), Settlement() with { Fields = new Dictionary<string, ExtractedField>() } };
        var settled = ClaimIdNumber.Reconcile(documents);
        Assert.Same(documents[1], settled[1]);
        Assert.Null(settled[2].Field(FieldNames.PatientIdNumber));
        // A long number witnessed does not settle a short reading two characters from it.
        var shortReading = new[] { Reading("card", "VT169504", 0.9), Reading("sheet", "VT169594", 0.3), Reading("form", "VT1695", 0.3) };
        var settledShort = ClaimIdNumber.Reconcile(shortReading);
        Assert.Equal("VT169504", AssessmentContext.Text(settledShort[1].Field(FieldNames.PatientIdNumber)!));
        Assert.Same(shortReading[2], settledShort[2]);
        // Nor does a short number read surely witness a longer one.
        var shortWitness = new[] { Reading("card", "VT1695", 0.9), Reading("form", "VT169577", 0.3) };
        Assert.Same(shortWitness[1], ClaimIdNumber.Reconcile(shortWitness)[1]);
    }

    [Fact]
    public void Assessment_finds_the_settled_id_the_claimed_person_s()
    {
        var docs = Complete();
        docs[2] = docs[2].With(F(FieldNames.PatientIdNumber, "522631197808150428"));
        var settled = Assess(docs);
        var id = settled.Factor(IdentityRule.IdNumberFactor);
        Assert.True(id.Status == FactorStatus.Pass, id.Reason);
        Assert.Contains(id.Evidence, e => e.FileName == "settlement.jpg" && e.Field == FieldNames.PatientIdNumber);
        Assert.DoesNotContain(settled.ReviewItems, i => i.Field == FieldNames.PatientIdNumber);
        Assert.Equal(Assess(Complete()).Decision, settled.Decision);     // the misread alone sends it to no one

        // With the invoice's number unread, nothing witnesses it: the misread stays doubtful.
        docs[0] = docs[0] with { Fields = docs[0].Fields.Where(f => f.Key != FieldNames.PatientIdNumber).ToDictionary() };
        var unsettled = Assess(docs).Factor(IdentityRule.IdNumberFactor);
        Assert.True(unsettled.Status == FactorStatus.Uncertain, unsettled.Reason);
    }
}
