using ClaimVision.Pipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClaimVision.Pipeline.Tests.Storage;

/// <summary>Configuration alone selects the stores. One class, so the environment-variable test never runs beside another.</summary>
public sealed class StorageConfigurationTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "cv-config-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public void The_defaults_are_the_embedded_stores_under_the_data_directory()
    {
        using var provider = Build(new() { ["ClaimVision:DataDirectory"] = _data });

        var blobs = Assert.IsType<FileSystemBlobStore>(provider.GetRequiredService<IBlobStore>());
        Assert.Equal(Path.Combine(_data, "blobs"), blobs.RootDirectory);
        Assert.IsType<SqliteClaimStore>(provider.GetRequiredService<IClaimStore>());
    }

    [Fact]
    public void Configuration_selects_the_scaled_out_stores()
    {
        using var provider = Build(new()
        {
            ["ClaimVision:Blobs:Provider"] = "azure",
            ["ClaimVision:Blobs:ConnectionString"] = "UseDevelopmentStorage=true",
            ["ClaimVision:Blobs:Container"] = "claims-test",
            ["ClaimVision:Store:Provider"] = "postgres",
            ["ClaimVision:Store:ConnectionString"] = "Host=127.0.0.1;Port=1;Database=x;Username=y",
        });

        Assert.IsType<AzureBlobStore>(provider.GetRequiredService<IBlobStore>());
        Assert.IsType<PostgresClaimStore>(provider.GetRequiredService<IClaimStore>());
    }

    [Fact]
    public void Environment_variables_override_the_configuration_files()
    {
        Environment.SetEnvironmentVariable("ClaimVision__Store__Provider", "postgres");
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["ClaimVision:Store:Provider"] = "sqlite", ["ClaimVision:DataDirectory"] = _data })
                .AddEnvironmentVariables()
                .Build();
            using var provider = new ServiceCollection().AddClaimVisionStorage(configuration).BuildServiceProvider();

            Assert.IsType<PostgresClaimStore>(provider.GetRequiredService<IClaimStore>());
        }
        finally
        {
            Environment.SetEnvironmentVariable("ClaimVision__Store__Provider", null);
        }
    }

    [Theory]
    [InlineData("ClaimVision:Blobs:Provider", "s3")]
    [InlineData("ClaimVision:Store:Provider", "mysql")]
    public void An_unknown_provider_fails_at_registration_naming_the_setting(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { [key] = value }));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_the_host_creates_the_schema()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ClaimVision:DataDirectory"] = _data });
        builder.Services.AddClaimVisionStorage(builder.Configuration);
        using var host = builder.Build();

        await host.StartAsync();
        var store = host.Services.GetRequiredService<IClaimStore>();
        var listed = await store.ListRecommendationsAsync("all", 1, 10);
        await host.StopAsync();

        Assert.Empty(listed);
        Assert.True(File.Exists(Path.Combine(_data, "claimvision.db")));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddClaimVisionStorage(configuration).BuildServiceProvider();
    }
}
