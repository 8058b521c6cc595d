/** One regional version of one ability, fetched by the wizard when a teacher of that region picks it. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { regionalRubrics } from '../../../../../components/ability-options';
import { asPolicy, policyEntries } from '../../../../../components/collections';
import { versionData, type VersionFile } from '../../../../../lib/rubrics/rubric-data';

export const getStaticPaths = (async () => {
  const regional = await regionalRubrics((await policyEntries()).map(asPolicy));
  return regional.map((entry) => ({
    params: { region: entry.region, code: entry.code },
    props: { data: versionData(entry) },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ data: VersionFile }> = ({ props }) => Response.json(props.data);
