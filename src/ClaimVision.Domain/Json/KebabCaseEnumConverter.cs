using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClaimVision.Domain.Json;

/// <summary>Enums as kebab-case strings ("residual-after-basic-and-critical"); unknown names are errors.</summary>
public sealed class KebabCaseEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)
    where T : struct, Enum;

/// <summary>The kebab-case name an enum value has in files, for messages and computation clauses.</summary>
public static class KebabCaseEnumConverterNames
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
