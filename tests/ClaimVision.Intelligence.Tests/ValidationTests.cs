using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Identity;
using ClaimVision.Intelligence.Validation;

namespace ClaimVision.Intelligence.Tests;

public class ResidentIdValidatorTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    // 11010519491231002X is the example printed in GB 11643-1999.
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")]
    [InlineData("110105 19491231 002X")]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ")] // full-width, as some OCR output and typed forms give it
    public void Accepts_a_valid_id(string id) => Assert.All(ResidentIdValidator.Check(id, Today), c => Assert.True(c.Passed, c.Message));

    [Theory]
    [InlineData("XVT326004448", true)]
    [InlineData("W123456789", true)]
    [InlineData("OJO949387615", true)]          // an O first: no resident ID starts with a 0, so no 0 misread
    [InlineData("0J0949387615", true)]          // a member number's O read as 0: no region code starts with 0
    [InlineData("ARQG60670244", true)]
    [InlineData("1101051949S231002X", false)]    // a 5 read as S: a resident ID, which fails its checks
    [InlineData("11O1O5194912310O2X", false)]    // 0s read as O: still a resident ID
    [InlineData("11010519491231002", false)]     // one character short
    public void Tells_a_member_number_from_a_resident_id(string printed, bool member) =>
        Assert.Equal(member, ResidentIdValidator.IsMemberNumber(printed));

    [Fact]
    public void Catches_a_wrong_check_digit()
    {
        var check = Assert.Single(ResidentIdValidator.Check("110105194912310021", Today), c => c.Name == "idCheckDigit");
        Assert.False(check.Passed);
    }

    [Fact]
    public void Catches_a_single_misread_digit_anywhere()
    {
        const string valid = "11010519491231002X";
        for (var i = 0; i < 17; i++)
        {
            var wrong = valid[..i] + (char)('0' + (valid[i] - '0' + 1) % 10) + valid[(i + 1)..];
            Assert.Contains(ResidentIdValidator.Check(wrong, Today), c => !c.Passed);
        }
    }

    [Fact]
    public void Catches_an_impossible_birth_date()
    {
        var first17 = "11010519490231002"; // 31 Feb is no date; 0231 → 1949-02-31
        var id = first17 + ResidentId.CheckCharacter(first17);
        var check = Assert.Single(ResidentIdValidator.Check(id, Today), c => c.Name == "idBirthDate");
        Assert.False(check.Passed);
        // Check messages reach reasons and consoles: the birth date, the part of the ID that masking hides, is not in it.
        Assert.DoesNotContain("0231", check.Message, StringComparison.Ordinal);
        var future = "110105" + "20300101" + "002";
        Assert.DoesNotContain("2030", Assert.Single(ResidentIdValidator.Check(future + ResidentId.CheckCharacter(future), Today), c => c.Name == "idBirthDate").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catches_an_unknown_province()
    {
        var first17 = "99010519491231002";
        var id = first17 + ResidentId.CheckCharacter(first17);
        Assert.Contains(ResidentIdValidator.Check(id, Today), c => c.Name == "idRegion" && !c.Passed);
    }

    [Fact]
    public void Accepts_a_legacy_15_digit_id_and_reads_its_birth_date()
    {
        Assert.All(ResidentIdValidator.Check("110105491231002", Today), c => Assert.True(c.Passed, c.Message));
        Assert.Equal(new DateOnly(1949, 12, 31), ResidentIdValidator.BirthDateOf("110105491231002"));
    }

    [Fact]
    public void Rejects_a_wrong_length() =>
        Assert.Contains(ResidentIdValidator.Check("1101051949123100", Today), c => c.Name == "idShape" && !c.Passed);
}

public class FieldChecksTests
{
    [Fact]
    public void Discharge_before_admission_fails() =>
        Assert.False(FieldChecks.DatesInOrder(new DateOnly(2024, 3, 9), new DateOnly(2024, 3, 1)).Passed);

    [Fact]
    public void Same_day_stay_passes() =>
        Assert.True(FieldChecks.DatesInOrder(new DateOnly(2024, 3, 9), new DateOnly(2024, 3, 9)).Passed);

    [Fact]
    public void Future_date_fails() =>
        Assert.False(FieldChecks.DateInRange(new DateOnly(2027, 1, 1), new DateOnly(2026, 12, 1)).Passed);

    [Fact]
    public void Items_not_summing_to_the_total_fail_within_tolerance_pass()
    {
        Assert.False(FieldChecks.SumsTo("s", [10.00m, 20.00m, 5.50m], 36.50m).Passed);
        Assert.True(FieldChecks.SumsTo("s", [10.00m, 20.00m, 5.50m], 35.51m).Passed);
    }

    [Fact]
    public void Words_not_matching_figures_fail() => Assert.False(FieldChecks.WordsMatchFigures(1234.56m, 1234.65m).Passed);

    [Fact]
    public void Each_failed_check_halves_confidence_and_is_recorded()
    {
        var field = new ExtractedField { Name = "totalAmount", Value = "1", Confidence = 0.8 };
        var result = FieldChecks.Apply(field, [new FieldCheck("a", false, ""), new FieldCheck("b", true, ""), new FieldCheck("c", false, "")]);
        Assert.Equal(0.2, result.Confidence, 6);
        Assert.Equal(3, result.Checks.Count);
    }

    [Theory]
    [InlineData(0.8, 0.9, 0.98)]
    [InlineData(0.8, 0.0, 0.8)]
    [InlineData(0.95, 0.5, 0.975)]
    public void A_passed_tie_to_independent_figures_raises_confidence_as_independent_evidence(double own, double evidence, double expected)
    {
        var field = new ExtractedField { Name = FieldNames.TotalAmount, Value = "655.00", Normalized = "655.00", Confidence = own };
        var raised = FieldChecks.Corroborate(field, new FieldCheck("lineItemsSumToTotal", true, "3 parts sum to 655.00"), evidence);
        Assert.Equal(expected, raised.Confidence, 6);
        Assert.Single(raised.Checks);
    }

    [Fact]
    public void A_failed_check_cannot_corroborate()
    {
        var field = new ExtractedField { Name = FieldNames.TotalAmount, Value = "655.00", Normalized = "655.00", Confidence = 0.7 };
        Assert.Throws<ArgumentException>(() => FieldChecks.Corroborate(field, new FieldCheck("lineItemsSumToTotal", false, "no"), 0.9));
    }

    [Theory]
    [InlineData(0.83, 0.982)] // a fair reading whose check character matches is nearly sure
    [InlineData(0.2, 0.733)]  // a poor one stays doubtful
    [InlineData(0.99, 0.999)]
    public void A_selective_check_confirms_a_reading_by_bayes(double confidence, double expected)
    {
        var field = new ExtractedField { Name = FieldNames.PatientIdNumber, Value = "11010519491231002X", Confidence = confidence };
        var confirmed = FieldChecks.ConfirmedBy(field, new FieldCheck(ResidentIdValidator.CheckDigit, true, "matches"), ResidentIdValidator.CheckDigitFalsePassRate);
        Assert.Equal(expected, confirmed.Confidence, 3);
        Assert.Single(confirmed.Checks);
        Assert.Throws<ArgumentException>(() => FieldChecks.ConfirmedBy(field, new FieldCheck(ResidentIdValidator.CheckDigit, false, "no"), 1.0 / 11));
    }
}
