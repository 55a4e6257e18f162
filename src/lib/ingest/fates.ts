// Why the ingest ignored, rejected or set aside an entry of the reports folder, beyond what the
// parser says about a file's text (parse/rejections.ts): in English and in Chinese, like those.
import type { Rejection } from '../parse/rejections.ts';

export const fate = {
  hidden: (): Rejection => ({ error: 'a hidden file (its name starts with a dot): not read', zh: '隐藏文件（文件名以“.”开头），不读取' }),
  readme: (): Rejection => ({ error: 'the folder’s README: not a report', zh: '文件夹的说明文件（README），不是报告' }),
  subfolder: (): Rejection => ({
    error: 'a folder: only files directly in the reports folder are read (move reports out of it)',
    zh: '这是一个子文件夹：只读取报告文件夹本身中的文件（请将其中的报告移出）',
  }),
  folderNamedLikeReport: (): Rejection => ({
    error: 'a folder named like a report file: only files are read',
    zh: '这是一个文件夹，名称却像报告文件：只读取文件',
  }),
  symlink: (target: string): Rejection => ({
    error: `a symbolic link (to ${target}): links are not followed; put the file itself in the folder`,
    zh: `这是一个符号链接（指向 ${target}）：本站不跟随链接，请将文件本身放入文件夹`,
  }),
  brokenSymlink: (target: string): Rejection => ({
    error: `a symbolic link to nothing (${target} does not exist)`,
    zh: `这是一个失效的符号链接（${target} 不存在）`,
  }),
  special: (): Rejection => ({ error: 'neither a file nor a folder (a device, socket or pipe)', zh: '既不是文件也不是文件夹（设备、套接字或管道）' }),
  orphanSidecar: (report: string): Rejection => ({
    error: `a sidecar with no report beside it (no ${report} or other file of that name)`,
    zh: `来源说明文件旁没有对应的报告（没有 ${report} 或同名的其他文件）`,
  }),
  sidecarInvalid: (detail: string, detailZh: string): Rejection => ({ error: `sidecar not used: ${detail}`, zh: `来源说明文件无效，未采用：${detailZh}` }),
  sidecarRead: (report: string): Rejection => ({ error: `sidecar of ${report}, read`, zh: `${report} 的来源说明，已采用` }),
  sidecarOfRejected: (report: string): Rejection => ({
    error: `sidecar of ${report}, which was not read as a report`,
    zh: `${report} 的来源说明；该文件未能作为报告读取`,
  }),
  timeout: (seconds: number): Rejection => ({
    error: `reading the file took longer than ${seconds} s and was stopped (the other files were read)`,
    zh: `读取此文件超过 ${seconds} 秒，已停止（其他文件照常读取）`,
  }),
  crashed: (why: string): Rejection => ({ error: `the parser failed on this file (${why})`, zh: `解析程序处理此文件时出错（${why}）` }),
  superseded: (kept: string, why: string, whyZh: string): Rejection => ({
    error: `another version of the same report, ${kept}, is shown: ${why}; this one is linked from its page`,
    zh: `同一份报告的另一版 ${kept} 已采用：${whyZh}。本版在其页面上列出`,
  }),
};
