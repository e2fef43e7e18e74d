# ClaimVision images for the scaled-out shape (docker-compose.yml): one build, two targets.
#   api    — `claimvision serve` with ClaimVision__RunConsumers=false in compose: HTTP in, messages out
#   worker — ClaimVision.Worker: the consumers; scale with `docker compose up --scale worker=N`
# The native engines (Tesseract, Leptonica …) come from the distribution's packages through the same
# scripts/setup.sh and package lists the project uses everywhere else.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/ClaimVision.Cli -c Release -o /out/api \
 && dotnet publish src/ClaimVision.Worker -c Release -o /out/worker

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY scripts/setup.sh /opt/claimvision/scripts/setup.sh
COPY scripts/packages/run /opt/claimvision/scripts/packages/run
RUN /opt/claimvision/scripts/setup.sh run && rm -rf /var/lib/apt/lists/*
# MALLOC_ARENA_MAX=2: glibc's per-thread arenas held 40-90 MB extra per worker (docs/scaling.md, memory).
# MALLOC_MMAP_THRESHOLD_=33554432: only full-page colour rasters (over 32 MB) get their own mappings, returned to the
# kernel when freed; smaller page images reuse the arenas (trimmed after every document). A 1 MB threshold holds the
# peak 10-25 MB lower but costs 10-25 % CPU in page faults; none at all saves ~10 % more and peaks above 400 MB with
# one engine on a single pass (docs/scaling.md, "Thirty-second session").
ENV OMP_THREAD_LIMIT=1 \
    MALLOC_ARENA_MAX=2 \
    MALLOC_MMAP_THRESHOLD_=33554432 \
    DOTNET_gcServer=0 \
    ClaimVision__DataDirectory=/data
VOLUME /data

FROM runtime AS api
COPY --from=build /out/api /app
ENV ASPNETCORE_URLS=http://0.0.0.0:8080
EXPOSE 8080
ENTRYPOINT ["/app/claimvision"]
CMD ["serve"]

FROM runtime AS worker
COPY --from=build /out/worker /app
ENTRYPOINT ["dotnet", "/app/ClaimVision.Worker.dll"]
