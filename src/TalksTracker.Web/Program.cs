using TalksTracker.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddTalksTracker();

var app = builder.Build();
app.CheckSettings();
await app.InitializeDatabaseAsync();
app.UseTalksTracker();
await app.RunAsync();

/// <summary>Entry point, visible to the test hosts.</summary>
public partial class Program;
