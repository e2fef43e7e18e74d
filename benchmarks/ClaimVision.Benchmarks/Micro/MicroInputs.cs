using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence;
using ClaimVision.Vision;

namespace ClaimVision.Benchmarks.Micro;

/// <summary>A receipt-sized OCR result built in memory, so the micro-benchmarks measure managed code only.</summary>
internal static class MicroInputs
{
    private static readonly string[] ReceiptLines =
    [
        "XX 大药房 连锁有限公司", "PHARMACY RECEIPT", "日期 Date: 2026-03-15 14:22", "收据号 No. 00012345",
        "阿莫西林胶囊 0.25g×24 2 盒 18.50 37.00", "布洛芬缓释胶囊 1 盒 24.80 24.80", "维生素C片 3 瓶 9.90 29.70",
        "小计 Subtotal 91.50", "医保统筹支付 40.00", "个人支付 51.50", "合计 TOTAL RM 91.50", "大写 玖拾壹元伍角整",
        "CASH 100.00", "CHANGE 8.50", "THANK YOU", "GST REG NO 001234567890",
    ];

    public static VisionResult Receipt()
    {
        var lines = ReceiptLines.Select((text, i) =>
        {
            var box = new BoundingBox(40, 60 + i * 40, 20 * text.Length, 30);
            var x = 40;
            var words = text.Split(' ').Select(w =>
            {
                var word = new OcrWord(w, 0.9, new BoundingBox(x, 60 + i * 40, 20 * w.Length, 30));
                x += 20 * (w.Length + 1);
                return word;
            }).ToList();
            return new OcrLine(text, 0.9, box, words);
        }).ToList();
        var page = new OcrPage { Width = 1200, Height = 1800, Language = "chi_sim", MeanConfidence = 0.9, Lines = lines };
        return new VisionResult([page], [new PageStatistics { AspectRatio = 1.5, InkDensity = 0.08, HorizontalRules = 2 }]);
    }

    public static string ReceiptText => string.Join('\n', ReceiptLines);
}
