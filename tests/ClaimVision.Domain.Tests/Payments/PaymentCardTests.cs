using ClaimVision.Domain.Payments;

namespace ClaimVision.Domain.Tests.Payments;

public sealed class PaymentCardTests
{
    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("4111111111111112", false)]
    [InlineData("79927398713", true)]
    [InlineData("6222020200112233441", false)]
    [InlineData("6222020200112233440", false)]
    [InlineData("6216619956801875586", true)]   // a 19-digit UnionPay number with its check digit
    [InlineData("6216619956801875568", false)]  // its last two digits swapped
    [InlineData("621661995680187558X", false)]
    [InlineData("", false)]
    public void Luhn(string digits, bool valid) => Assert.Equal(valid, PaymentCard.PassesLuhn(digits));

    [Fact]
    public void Every_single_misread_digit_fails_the_check()
    {
        const string card = "6216619956801875586";
        for (var i = 0; i < card.Length; i++)
            for (var d = '0'; d <= '9'; d++)
            {
                if (d == card[i]) continue;
                var misread = card[..i] + d + card[(i + 1)..];
                Assert.False(PaymentCard.PassesLuhn(misread), misread);
            }
    }

    [Theory]
    [InlineData("621661995680187558")]
    [InlineData("411111111111111")]
    [InlineData("7992739871")]
    public void The_check_digit_completes_a_number(string withoutCheck)
    {
        var complete = withoutCheck + PaymentCard.CheckDigit(withoutCheck);
        Assert.True(PaymentCard.PassesLuhn(complete));
        Assert.Equal(complete.Length, withoutCheck.Length + 1);
    }

    [Theory]
    [InlineData("4465 4294 3062 6433", "4465429430626433")]
    [InlineData("621661 9956801875586", "6216619956801875586")]
    [InlineData("6216-6199-5680-1875-586", "6216619956801875586")]
    [InlineData("4465 4294 3062", null)]          // 12 digits: no card
    [InlineData("62166199568018755861", null)]    // 20 digits
    [InlineData("4465 42g4 3062 6433", null)]     // a letter inside
    [InlineData("  ", null)]
    [InlineData(null, null)]
    public void Normalize(string? printed, string? digits) => Assert.Equal(digits, PaymentCard.Normalize(printed));
}
