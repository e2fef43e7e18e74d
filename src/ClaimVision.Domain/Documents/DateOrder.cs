using System.Text.Json.Serialization;
using ClaimVision.Domain.Json;

namespace ClaimVision.Domain.Documents;

/// <summary>How to read an all-numeric date whose day and month could both be ≤ 12 (03/04/2018).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<DateOrder>))]
public enum DateOrder
{
    /// <summary>12/06/2018 is 12 June (Malaysia, UK, most of Asia outside China).</summary>
    DayFirst,
    /// <summary>06/12/2018 is 12 June (United States).</summary>
    MonthFirst,
}

/// <summary>
/// The order a document's all-numeric dates were read in, and what on the document proved it (a date such as 24/04/2022
/// that only one order can read, amounts in US dollars …); <see cref="Proof"/> is null when nothing did and the order is
/// the reader's default, which the claim's other documents may still settle (<see cref="Assessment.ClaimDateOrder"/>).
/// Then <see cref="OtherOrder"/> holds the date fields that read differently in the other order, as extraction reads
/// them in that order (value, normalised date, checks and confidence), for the claim to take instead.
/// </summary>
public sealed record DocumentDateOrder(DateOrder Order, string? Proof, IReadOnlyDictionary<string, ExtractedField>? OtherOrder = null)
{
    [JsonIgnore]
    public bool Proven => Proof is not null;

    public static string Describe(DateOrder order) => order == DateOrder.DayFirst ? "day first" : "month first";
}
