package ai.altllm.gateway.video;

import ai.altllm.gateway.db.Jdbc;
import ai.altllm.gateway.upstream.VideoJob;
import ai.altllm.gateway.upstream.VideoStatus;
import ai.altllm.gateway.video.VideoTask.CreditState;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code video_tasks} table. State changes are conditional updates, so concurrent polls cannot undo each other. */
final class TaskRepository {

    private static final String COLUMNS = "id, key_id, account_id, model, provider, upstream_id, prompt, "
            + "duration_seconds, resolution, status, progress, video_url, error, estimated_credits, charged_credits, "
            + "credit_state, created_at, updated_at, refreshed_at";
    private static final String OPEN = "status IN ('queued', 'running')";

    private final DataSource dataSource;

    TaskRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts a new task; false if this key already used the idempotency key (the unique index decides). */
    boolean insert(VideoTask t, String idempotencyKey, String requestHash) {
        try {
            Jdbc.update(dataSource, "INSERT INTO video_tasks (" + COLUMNS + ", idempotency_key, request_hash) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
                        s.setString(1, t.id());
                        s.setString(2, t.keyId());
                        s.setString(3, t.accountId());
                        s.setString(4, t.model());
                        s.setString(5, t.provider());
                        s.setString(6, t.upstreamId());
                        s.setString(7, t.prompt());
                        s.setInt(8, t.durationSeconds());
                        s.setString(9, t.resolution());
                        s.setString(10, t.status().wire());
                        s.setObject(11, t.progress(), Types.INTEGER);
                        s.setString(12, t.videoUrl());
                        s.setString(13, t.error());
                        s.setBigDecimal(14, t.estimatedCredits());
                        s.setBigDecimal(15, t.chargedCredits());
                        s.setString(16, t.creditState().name().toLowerCase(java.util.Locale.ROOT));
                        s.setObject(17, Jdbc.toSql(t.createdAt()));
                        s.setObject(18, Jdbc.toSql(t.updatedAt()));
                        s.setObject(19, Jdbc.toSql(t.refreshedAt()));
                        s.setString(20, idempotencyKey);
                        s.setString(21, requestHash);
                    });
            return true;
        } catch (RuntimeException e) {
            if (idempotencyKey != null && byIdempotencyKey(t.keyId(), idempotencyKey).isPresent()) {
                return false;
            }
            throw e;
        }
    }

    Optional<VideoTask> find(String id) {
        return Jdbc.query(dataSource, "SELECT " + COLUMNS + " FROM video_tasks WHERE id = ?", s -> s.setString(1, id),
                TaskRepository::task).stream().findFirst();
    }

    /** The task and the hash of the request that made it, for a retried create. */
    Optional<Prior> byIdempotencyKey(String keyId, String idempotencyKey) {
        return Jdbc.query(dataSource, "SELECT " + COLUMNS + ", request_hash FROM video_tasks WHERE key_id = ? AND "
                + "idempotency_key = ?", s -> {
                    s.setString(1, keyId);
                    s.setString(2, idempotencyKey);
                }, r -> new Prior(task(r), r.getString("request_hash"))).stream().findFirst();
    }

    /** A task found by its idempotency key, with the fingerprint of the request that created it. */
    record Prior(VideoTask task, String requestHash) {
    }

    /** The provider accepted the job. */
    void accepted(String id, VideoJob job, Instant now) {
        Jdbc.update(dataSource, "UPDATE video_tasks SET upstream_id = ?, status = ?, progress = ?, video_url = ?, "
                + "updated_at = ?, refreshed_at = ? WHERE id = ? AND " + OPEN, s -> {
                    s.setString(1, job.upstreamId());
                    s.setString(2, job.status().wire());
                    s.setObject(3, job.progress(), Types.INTEGER);
                    s.setString(4, job.videoUrl());
                    s.setObject(5, Jdbc.toSql(now));
                    s.setObject(6, Jdbc.toSql(now));
                    s.setString(7, id);
                });
    }

    /** Records the provider's latest word; a task that already ended never changes again. */
    void refreshed(String id, VideoStatus status, Integer progress, String videoUrl, String error, Instant now) {
        Jdbc.update(dataSource, "UPDATE video_tasks SET status = ?, progress = ?, video_url = ?, error = ?, "
                + "updated_at = ?, refreshed_at = ? WHERE id = ? AND " + OPEN, s -> {
                    s.setString(1, status.wire());
                    s.setObject(2, progress, Types.INTEGER);
                    s.setString(3, videoUrl);
                    s.setString(4, error == null ? null : error.substring(0, Math.min(error.length(), 1000)));
                    s.setObject(5, Jdbc.toSql(now));
                    s.setObject(6, Jdbc.toSql(now));
                    s.setString(7, id);
                });
    }

    /** Moves credits out of RESERVED; true only for the one caller whose update did it. */
    boolean closeCredits(String id, CreditState to, BigDecimal charged) {
        return Jdbc.update(dataSource, "UPDATE video_tasks SET credit_state = ?, charged_credits = ? WHERE id = ? "
                + "AND credit_state = 'reserved'", s -> {
                    s.setString(1, to.name().toLowerCase(java.util.Locale.ROOT));
                    s.setBigDecimal(2, charged);
                    s.setString(3, id);
                }) == 1;
    }

    /** Newest first, before the given task when paging; account (null: all) and status (null: any) filter. */
    List<VideoTask> list(String accountId, VideoStatus status, int limit, Instant before, String beforeId) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM video_tasks WHERE ")
                .append(accountId == null ? "1 = 1" : "account_id = ?");
        if (status != null) {
            sql.append(" AND status = ?");
        }
        if (before != null) {
            sql.append(" AND (created_at < ? OR (created_at = ? AND id < ?))");
        }
        sql.append(" ORDER BY created_at DESC, id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return Jdbc.query(dataSource, sql.toString(), s -> {
            int i = 1;
            if (accountId != null) {
                s.setString(i++, accountId);
            }
            if (status != null) {
                s.setString(i++, status.wire());
            }
            if (before != null) {
                s.setObject(i++, Jdbc.toSql(before));
                s.setObject(i++, Jdbc.toSql(before));
                s.setString(i, beforeId);
            }
        }, TaskRepository::task);
    }

    private static VideoTask task(ResultSet r) throws SQLException {
        return new VideoTask(r.getString("id"), r.getString("key_id"), r.getString("account_id"), r.getString("model"),
                r.getString("provider"), r.getString("upstream_id"), r.getString("prompt"),
                r.getInt("duration_seconds"), r.getString("resolution"), VideoStatus.fromWire(r.getString("status")),
                r.getObject("progress", Integer.class), r.getString("video_url"), r.getString("error"),
                r.getBigDecimal("estimated_credits"), r.getBigDecimal("charged_credits"),
                CreditState.valueOf(r.getString("credit_state").toUpperCase(java.util.Locale.ROOT)),
                Jdbc.instant(r, "created_at"), Jdbc.instant(r, "updated_at"), Jdbc.instant(r, "refreshed_at"));
    }
}
