/**
 * Without `retention` in the config: a year, long enough for a year-over-year look at the leads
 * behind a figure, and well past the 30-day dedupe window and the 90-day replay window.
 */
export declare const DEFAULT_RETENTION_MS: number;
/** Copies of leads kept for replay are dropped after this, whatever the retention. */
export declare const REPLAY_KEPT_MS: number;
/**
 * The retention a config sets: `retention` as a duration (`"400d"`), or an object naming one
 * under `personalData` or `lead`; anything else falls back to DEFAULT_RETENTION_MS.
 */
export declare function retentionOf(config: unknown): number;
/** A config as the routing state object serves it, if this Worker has one (the bench's has not). */
export interface ConfigSource {
    ROUTER?: {
        getByName(name: string): {
            config(): Promise<{
                config: unknown;
            }>;
        };
    };
}
/** The live config's retention; the default when there is no routing state to ask or it fails. */
export declare function liveRetention(env: ConfigSource): Promise<number>;
