using System.Text.Json.Nodes;
using ClaimVision.Integration.Tests.Runtime;
using ClaimVision.TestWorker;
using Microsoft.Playwright;

namespace ClaimVision.Integration.Tests;

/// <summary>The adjuster page in a real browser (Debian's Chromium driven by Playwright) against the embedded host.</summary>
public sealed class ReviewPageTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task An_adjuster_opens_a_claim_from_the_queue_and_overrides_it_with_a_reason()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install the Debian package chromium (scripts/packages/test/hosts.txt).");
        using var data = new TempFolder();
        await using var api = await ApiHost.StartEmbeddedAsync(data.Path);
        (await api.Client.SubmitAsync("page-1", ("invoice.png", ScriptedAnalyzer.Document(300, "page")), ("bad.png", "junk"u8.ToArray()))).Dispose();
        (await api.Client.SubmitAsync("page-2", ("invoice.png", ScriptedAnalyzer.Document(80, "other")))).Dispose();
        await api.Client.WaitForRecommendationsAsync(["page-1", "page-2"], TimeSpan.FromSeconds(30));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(api.Address, "/").ToString());

        var row = page.Locator("#queue tbody tr[data-claim='page-1']");
        await row.WaitForAsync();
        Assert.Equal(2, await page.Locator("#queue tbody tr").CountAsync());
        await row.ClickAsync();

        await page.Locator("#recommended").WaitForAsync();
        Assert.Contains("Review", await page.Locator("#recommended").InnerTextAsync());
        Assert.Contains("corrupt-image", await page.Locator("#documents").InnerTextAsync());
        Assert.Equal(1, await page.Locator("#documents .box").CountAsync());
        Assert.Equal(1, await page.Locator("#computation tbody tr").CountAsync());

        await page.FillAsync("#adjuster", "李四");
        await page.SelectOptionAsync("#action", "override");
        await page.SelectOptionAsync("#decision", "Partial");
        await page.FillAsync("#payable", "250");
        await page.ClickAsync("#submit");
        await page.Locator("#message.error").WaitForAsync();
        Assert.Contains("reason", await page.Locator("#message").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);

        await page.FillAsync("#reason", "second page unreadable; paid the invoice only in part");
        await page.ClickAsync("#submit");
        await page.GetByText("Decided by 李四").WaitForAsync();
        await page.Locator("#queue tbody tr[data-claim='page-1']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });

        var stored = await api.Client.GetClaimAsync("page-1");
        var decision = stored!["decision"]!.AsObject();
        Assert.Equal("override", (string?)decision["action"]);
        Assert.Equal("Partial", (string?)decision["decision"]);
        Assert.Equal(250m, (decimal)decision["payableAmount"]!);
        Assert.Equal("second page unreadable; paid the invoice only in part", (string?)decision["reason"]);
        Assert.Equal("decided", (string?)stored["status"]);
    }
}
