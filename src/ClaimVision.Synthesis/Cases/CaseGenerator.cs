using static ClaimVision.Synthesis.Cases.CaseData;

namespace ClaimVision.Synthesis.Cases;

/// <summary>Draws coherent claims from a seed: the same seed and language give the same case.</summary>
public static class CaseGenerator
{
    public static MedicalCase Generate(int seed, string language)
    {
        if (language is not ("zh" or "en")) throw new ArgumentException($"Language must be 'zh' or 'en', not '{language}'.", nameof(language));
        var r = new Random(seed);
        var zh = language == "zh";
        var male = r.Next(2) == 0;
        var birth = new DateOnly(1940, 1, 1).AddDays(r.Next(0, 365 * 65));
        var region = Regions[r.Next(Regions.Length)];
        var dx = Diagnoses[r.Next(Diagnoses.Length)];
        var dept = Departments[r.Next(Departments.Length)];
        var admission = new DateOnly(2021, 1, 1).AddDays(r.Next(0, 365 * 4));
        var stay = dx.Surgical ? r.Next(4, 12) : r.Next(2, 15);
        var discharge = admission.AddDays(stay);

        Patient patient;
        Hospital hospital;
        if (zh)
        {
            var name = Surnames[r.Next(Surnames.Length)] + GivenChars[r.Next(GivenChars.Length)] + (r.Next(3) > 0 ? GivenChars[r.Next(GivenChars.Length)] : "");
            var id = ResidentId.Create(region.Code, birth, r.Next(500), male);
            patient = new Patient(name, id, male, birth, $"{region.Place}{Streets[r.Next(Streets.Length)]}{r.Next(1, 300)}号{r.Next(1, 30)}栋{r.Next(101, 2800)}室");
            var hRegion = Regions[r.Next(Regions.Length)];
            hospital = new Hospital($"{hRegion.City}市{HospitalKinds[r.Next(HospitalKinds.Length)]}", Levels[r.Next(Levels.Length)],
                $"{hRegion.Place}{Streets[r.Next(Streets.Length)]}{r.Next(1, 500)}号", dept.Zh,
                Surnames[r.Next(Surnames.Length)] + GivenChars[r.Next(GivenChars.Length)] + GivenChars[r.Next(GivenChars.Length)]);
        }
        else
        {
            var name = $"{FirstNames[r.Next(FirstNames.Length)]} {LastNames[r.Next(LastNames.Length)]}";
            var memberId = $"{(char)('A' + r.Next(26))}{(char)('A' + r.Next(26))}{(char)('A' + r.Next(26))}{r.Next(100000000, 999999999)}";
            patient = new Patient(name, memberId, male, birth, $"{r.Next(10, 9999)} {UsStreets[r.Next(UsStreets.Length)]}, {UsCities[r.Next(UsCities.Length)]}");
            hospital = new Hospital($"{UsHospitalPrefixes[r.Next(UsHospitalPrefixes.Length)]} {UsHospitalKinds[r.Next(UsHospitalKinds.Length)]}", "Acute care",
                $"{r.Next(10, 9999)} {UsStreets[r.Next(UsStreets.Length)]}, {UsCities[r.Next(UsCities.Length)]}", dept.En,
                $"Dr. {FirstNames[r.Next(FirstNames.Length)][0]}. {LastNames[r.Next(LastNames.Length)]}");
        }

        // One stay in four is billed for little besides the per-day items (a short stay at a township clinic): bed,
        // nursing and consultation, one medicine and one other item. Decided by a stream of its own, so every other
        // drawn value of a seed stays as it was.
        var shortStream = new Random(unchecked(seed * 7919 + 17));
        var items = DrawItems(r, zh, stay, dx.Surgical, shortStream.Next(4) == 0 ? shortStream : null);
        var level = hospital.Level;
        var deductible = zh ? (level.StartsWith("三级", StringComparison.Ordinal) ? 1000m : level.StartsWith("二级", StringComparison.Ordinal) ? 700m : 400m) : r.Next(2, 11) * 100m;
        var rate = zh ? new[] { 0.85m, 0.88m, 0.9m }[r.Next(3)] : new[] { 0.8m, 0.9m }[r.Next(2)];
        var bank = zh ? Banks[r.Next(Banks.Length)] : UsBank(r);
        var insurer = zh ? Insurers[r.Next(Insurers.Length)].Zh : UsInsurers[r.Next(UsInsurers.Length)];
        var lab = LabTests[r.Next(LabTests.Length)];

        return new MedicalCase
        {
            CaseId = $"C{(uint)seed:x8}{language}",
            Language = language,
            Patient = patient,
            Hospital = hospital,
            AdmissionDate = admission,
            DischargeDate = discharge,
            DocumentDate = discharge,
            Diagnosis = zh ? dx.Zh : dx.En,
            DiagnosisCode = dx.Code,
            MedicalRecordNumber = zh ? $"{r.Next(100000, 999999)}{r.Next(10, 99)}" : $"MRN{r.Next(1000000, 9999999)}",
            InvoiceNumber = zh ? $"{r.Next(10000000, 99999999)}{r.Next(10, 99)}" : $"INV-{r.Next(100000, 999999)}",
            LineItems = items,
            Settlement = Settle(items, deductible, rate),
            Currency = zh ? "CNY" : "USD",
            InsurerName = insurer,
            PolicyNumber = zh ? $"P{r.Next(10000000, 99999999)}{r.Next(1000, 9999)}" : $"GRP-{r.Next(10000, 99999)}",
            BankName = zh ? bank.Zh : bank.En,
            BankCardNumber = LuhnComplete(bank.Bin + string.Concat(Enumerable.Range(0, zh ? 12 : 9).Select(_ => (char)('0' + r.Next(10))))),
            CardExpiry = new DateOnly(2026 + r.Next(6), r.Next(1, 13), 1),
            LabTest = zh ? lab.Zh : lab.En,
        };
    }

    /// <summary>Splits the bill the way basic medical insurance does: 丙 items are out of catalogue, 乙 items carry a
    /// self-paid share, the rest is covered; insurance pays the reimbursement rate of what is covered above the deductible.</summary>
    public static Settlement Settle(IReadOnlyList<CaseLineItem> items, decimal deductible, decimal rate)
    {
        var total = items.Sum(i => i.Amount);
        var outOfCatalogue = items.Where(i => i.Category == "丙").Sum(i => i.Amount);
        var selfPaid = items.Where(i => i.Category == "乙").Sum(i => Math.Round(i.Amount * i.SelfPayRatio, 2, MidpointRounding.AwayFromZero));
        var covered = total - outOfCatalogue - selfPaid;
        var insurancePaid = Math.Round(Math.Max(0, covered - deductible) * rate, 2, MidpointRounding.AwayFromZero);
        return new Settlement(total, covered, selfPaid, outOfCatalogue, deductible, rate, insurancePaid, total - insurancePaid);
    }

    /// <summary>A US bank with its own card-number prefix. Two draws as before (the second once picked the prefix on its
    /// own, so a card could print one bank's name over another's number); it is spent unused so that every other value
    /// a seed draws stays the same.</summary>
    private static (string Zh, string En, string Bin) UsBank(Random r)
    {
        var bank = UsBanks[r.Next(UsBanks.Length)];
        _ = r.Next(UsBanks.Length);
        return ("", bank.Name, bank.Bin);
    }

    /// <summary>The stay's items; with <paramref name="shortBill"/> (a stream of its own) only the per-day items, one
    /// medicine and one other item are kept, chosen by that stream, so the main stream draws as it would otherwise.</summary>
    private static List<CaseLineItem> DrawItems(Random r, bool zh, int stay, bool surgical, Random? shortBill)
    {
        var result = new List<CaseLineItem>();
        foreach (var it in Items)
        {
            if (!it.PerDay && r.Next(3) == 0) continue;
            if (it.Category == "丙" && r.Next(2) == 0) continue;
            var quantity = it.PerDay ? stay : r.Next(1, 6) * (it.Max < 20 ? r.Next(1, 4) : 1);
            var price = Math.Round(it.Min + (it.Max - it.Min) * (decimal)r.NextDouble(), it.Max > 100 ? 0 : 2);
            result.Add(new CaseLineItem(zh ? it.Zh : it.En, zh ? it.ClassZh : it.ClassEn, quantity, price, quantity * price, it.Category, it.SelfPay, zh ? null : it.Code));
        }
        if (shortBill is not null)
        {
            var perDay = Items.Where(i => i.PerDay).Select(i => zh ? i.Zh : i.En).ToHashSet();
            var medicines = result.Where(i => i.IsMedicine).ToList();
            var others = result.Where(i => !perDay.Contains(i.Description) && !medicines.Contains(i)).ToList();
            var kept = medicines.OrderBy(_ => shortBill.Next()).Take(1).Concat(others.OrderBy(_ => shortBill.Next()).Take(1)).ToHashSet();
            result = [.. result.Where(i => perDay.Contains(i.Description) || kept.Contains(i))];
        }
        if (surgical)
        {
            foreach (var s in SurgeryItems)
            {
                var price = Math.Round(s.Min + (s.Max - s.Min) * (decimal)r.NextDouble(), 0);
                result.Add(new CaseLineItem(zh ? s.Zh : s.En, zh ? "手术费" : "Surgery", 1, price, price, s.Category, s.SelfPay, zh ? null : s.Code));
            }
        }
        return result;
    }

    private static string LuhnComplete(string digitsWithoutCheck) => digitsWithoutCheck + Domain.Payments.PaymentCard.CheckDigit(digitsWithoutCheck);
}
