// The scale suite's own cluster and dashboard: 5 brokers + 3 dedicated KRaft
// controllers and a thousand topics, on their own data dir and ports (24592..25091,
// apart from every other suite's and bench's band), so it never touches theirs.
export const SCALE_PORT = Number(process.env.STREAMSOCIAL_SCALE_HTTP_PORT ?? "3250");
export const SCALE_BASE_URL = `http://127.0.0.1:${SCALE_PORT}`;
export const SCALE_BROKERS = 5;
/** Topics the suite creates beside the StreamSocial ones. */
export const SCALE_TOPICS = 1000;
export const scaleTopic = (i: number) => `scale_topic_${String(i).padStart(4, "0")}`;

export const SCALE_ENV: Record<string, string> = {
  DATA_DIR: process.env.STREAMSOCIAL_SCALE_DATA_DIR ?? ".data/scale-cluster",
  LOCAL_PORT_BASE: process.env.STREAMSOCIAL_SCALE_PORT_BASE ?? "24592",
  RUNTIME: "local",
  LOCAL_BROKERS: String(SCALE_BROKERS),
  LOCAL_CONTROLLERS: "3",
  LOCAL_HEAP_MB: "384",
  LOCAL_CONTROLLER_HEAP_MB: "192",
  HOST: "127.0.0.1",
  PORT: String(SCALE_PORT),
};
