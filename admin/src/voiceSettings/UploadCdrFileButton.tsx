import UploadIcon from '@mui/icons-material/UploadFile';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useMemo, useState } from 'react';
import { Button as ToolbarButton, useNotify, useRedirect } from 'react-admin';
import { type ApiProblem, toApiProblem, useBackhaulDataProvider } from '../dataProvider';
import { readHeaderColumns } from './cdrHeader';
import type { CallDirection, CdrFormat, CdrMapping, CdrUploadOptions } from './types';

type TalkTime = 'seconds' | 'times';
type MappingForm = Record<keyof CdrMapping, string>;

const EMPTY_MAPPING: MappingForm = { start: '', from: '', to: '', durationSeconds: '', answer: '', end: '', callId: '', direction: '' };

/** The IANA zones the browser knows, UTC first; a zone it lacks may still be typed. */
const timeZones = (): string[] => {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
};

/** The mapping the API takes: the facts given, the talk time one way or the other. */
const toMapping = (form: MappingForm, talkTime: TalkTime): CdrMapping => {
  const mapping: CdrMapping = { start: form.start, from: form.from, to: form.to };
  if (talkTime === 'seconds') mapping.durationSeconds = form.durationSeconds;
  else {
    mapping.answer = form.answer;
    mapping.end = form.end;
  }
  if (form.callId) mapping.callId = form.callId;
  if (form.direction) mapping.direction = form.direction;
  return mapping;
};

const mappingComplete = (form: MappingForm, talkTime: TalkTime): boolean =>
  Boolean(form.start && form.from && form.to && (talkTime === 'seconds' ? form.durationSeconds : form.answer && form.end));

interface ColumnInputProps {
  fact: keyof CdrMapping;
  label: string;
  columns: string[];
  form: MappingForm;
  setForm: (form: MappingForm) => void;
  optional?: boolean;
  errors: Record<string, string>;
}

/** The header column a fact is read from: a choice of the file's own columns, or typed when its header could not be read. */
const ColumnInput = ({ fact, label, columns, form, setForm, optional = false, errors }: ColumnInputProps) => {
  const error = errors[`mapping.${fact}`];
  const common = {
    label: optional ? `${label} (optional)` : label,
    value: form[fact],
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [fact]: event.target.value }),
    size: 'small' as const,
    error: Boolean(error),
    helperText: error,
    sx: { minWidth: 220, flex: 1 },
  };
  return columns.length > 0 ? (
    <TextField select {...common}>
      {optional ? (
        <MenuItem value="">
          <em>Not in the file</em>
        </MenuItem>
      ) : null}
      {columns.map((column) => (
        <MenuItem key={column} value={column}>
          {column}
        </MenuItem>
      ))}
    </TextField>
  ) : (
    <TextField {...common} placeholder="Header of the column" />
  );
};

const UploadDialog = ({ onClose }: { onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();
  const titleId = useId();
  const zones = useMemo(timeZones, []);
  const [file, setFile] = useState<File | null>(null);
  const [columns, setColumns] = useState<string[]>([]);
  const [format, setFormat] = useState<CdrFormat>('asterisk');
  const [flags, setFlags] = useState({ logUniqueId: false, logUserField: false, newCdrColumns: false });
  const [mapping, setMapping] = useState<MappingForm>(EMPTY_MAPPING);
  const [talkTime, setTalkTime] = useState<TalkTime>('seconds');
  const [timeZone, setTimeZone] = useState('');
  const [defaultCountry, setDefaultCountry] = useState('');
  const [direction, setDirection] = useState<CallDirection | ''>('');
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const busy = progress !== null;
  const errors = problem?.fields ?? {};

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setProblem(null);
    setColumns(chosen ? await readHeaderColumns(chosen) : []);
  };

  const ready = file !== null && (format === 'asterisk' || mappingComplete(mapping, talkTime));

  const send = async () => {
    if (!file || !ready) return;
    const options: CdrUploadOptions = {
      format,
      timeZone: timeZone.trim() || undefined,
      defaultCountry: defaultCountry.trim().toUpperCase() || undefined,
      direction: direction || undefined,
      ...(format === 'asterisk' ? flags : { mapping: toMapping(mapping, talkTime) }),
    };
    setProblem(null);
    setProgress(0);
    try {
      const stored = await dataProvider.uploadCdrFile(options, file, setProgress);
      notify(`${stored.name} received; its import has started`, { type: 'success' });
      onClose();
      redirect('show', 'voice-cdr-files', stored.id);
    } catch (error) {
      setProblem(toApiProblem(error));
      setProgress(null);
    }
  };

  const shown = new Set(['timeZone', 'defaultCountry', 'direction', ...Object.keys(EMPTY_MAPPING).map((fact) => `mapping.${fact}`)]);
  const otherErrors = Object.entries(errors).filter(([field]) => !shown.has(field));

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} fullWidth maxWidth="md">
      <DialogTitle id={titleId}>Upload a CDR file</DialogTitle>
      <DialogContent>
        <Stack spacing={2.5} sx={{ pt: 0.5 }}>
          <div>
            <Button component="label" variant="outlined" size="small" disabled={busy}>
              Choose file
              <input
                type="file"
                hidden
                accept=".csv,.txt,text/csv,text/plain"
                aria-label="CDR file"
                onChange={(event) => {
                  void choose(event.target.files?.[0] ?? null);
                  event.target.value = '';
                }}
              />
            </Button>
            <Typography variant="body2" component="span" sx={{ ml: 1 }}>
              {file ? file.name : 'No file chosen'}
            </Typography>
          </div>

          <FormControl>
            <FormLabel id={`${titleId}-format`}>Layout</FormLabel>
            <RadioGroup
              row
              aria-labelledby={`${titleId}-format`}
              value={format}
              onChange={(event) => setFormat(event.target.value as CdrFormat)}
            >
              <FormControlLabel value="asterisk" control={<Radio />} label="Asterisk Master.csv" />
              <FormControlLabel value="generic" control={<Radio />} label="Other CSV with a header line" />
            </RadioGroup>
          </FormControl>

          {format === 'asterisk' ? (
            <FormControl component="fieldset">
              <FormLabel component="legend">Columns switched on in cdr.conf's [csv] section</FormLabel>
              <FormGroup row>
                <FormControlLabel
                  control={
                    <Checkbox checked={flags.logUniqueId} onChange={(event) => setFlags({ ...flags, logUniqueId: event.target.checked })} />
                  }
                  label="loguniqueid"
                />
                <FormControlLabel
                  control={
                    <Checkbox
                      checked={flags.logUserField}
                      onChange={(event) => setFlags({ ...flags, logUserField: event.target.checked })}
                    />
                  }
                  label="loguserfield"
                />
                <FormControlLabel
                  control={
                    <Checkbox
                      checked={flags.newCdrColumns}
                      onChange={(event) => setFlags({ ...flags, newCdrColumns: event.target.checked })}
                    />
                  }
                  label="newcdrcolumns"
                />
              </FormGroup>
              <FormHelperText>The sixteen standard columns come first; each switched on adds its own after them.</FormHelperText>
            </FormControl>
          ) : (
            <Stack spacing={1.5}>
              <Typography variant="subtitle2">Which column holds each fact</Typography>
              {file && columns.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                  The file's header line could not be read here; type the column names as the header writes them.
                </Typography>
              ) : null}
              {!file ? (
                <Typography variant="body2" color="text.secondary">
                  Choose the file first: the columns of its header are offered here.
                </Typography>
              ) : null}
              <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap' }}>
                <ColumnInput fact="start" label="Start" columns={columns} form={mapping} setForm={setMapping} errors={errors} />
                <ColumnInput fact="from" label="Caller" columns={columns} form={mapping} setForm={setMapping} errors={errors} />
                <ColumnInput fact="to" label="Called number" columns={columns} form={mapping} setForm={setMapping} errors={errors} />
              </Stack>
              <RadioGroup row aria-label="Talk time" value={talkTime} onChange={(event) => setTalkTime(event.target.value as TalkTime)}>
                <FormControlLabel value="seconds" control={<Radio size="small" />} label="Talk time in seconds" />
                <FormControlLabel value="times" control={<Radio size="small" />} label="Answer and end times" />
              </RadioGroup>
              <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap' }}>
                {talkTime === 'seconds' ? (
                  <ColumnInput
                    fact="durationSeconds"
                    label="Talk seconds"
                    columns={columns}
                    form={mapping}
                    setForm={setMapping}
                    errors={errors}
                  />
                ) : (
                  <>
                    <ColumnInput fact="answer" label="Answered" columns={columns} form={mapping} setForm={setMapping} errors={errors} />
                    <ColumnInput fact="end" label="Ended" columns={columns} form={mapping} setForm={setMapping} errors={errors} />
                  </>
                )}
                <ColumnInput fact="callId" label="Call id" columns={columns} form={mapping} setForm={setMapping} errors={errors} optional />
                <ColumnInput
                  fact="direction"
                  label="Direction"
                  columns={columns}
                  form={mapping}
                  setForm={setMapping}
                  errors={errors}
                  optional
                />
              </Stack>
              {errors.mapping ? (
                <Typography variant="body2" color="error">
                  {errors.mapping}
                </Typography>
              ) : null}
            </Stack>
          )}

          <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
            <Autocomplete
              freeSolo
              options={zones}
              inputValue={timeZone}
              onInputChange={(_, value) => setTimeZone(value)}
              sx={{ minWidth: 260, flex: 1 }}
              renderInput={(params) => (
                <TextField
                  {...params}
                  label="Switch time zone"
                  size="small"
                  error={Boolean(errors.timeZone)}
                  helperText={errors.timeZone ?? "For times written without an offset; empty: the instance's default"}
                />
              )}
            />
            <TextField
              label="Default country"
              size="small"
              value={defaultCountry}
              onChange={(event) => setDefaultCountry(event.target.value)}
              placeholder="US"
              error={Boolean(errors.defaultCountry)}
              helperText={errors.defaultCountry ?? "Of numbers written without a country code; empty: the instance's"}
              slotProps={{ htmlInput: { maxLength: 2 } }}
              sx={{ width: 260 }}
            />
            <TextField
              select
              label="Direction of the calls"
              size="small"
              value={direction}
              onChange={(event) => setDirection(event.target.value as CallDirection | '')}
              error={Boolean(errors.direction)}
              helperText={errors.direction ?? 'A trunk file of one direction, say'}
              sx={{ width: 260 }}
            >
              <MenuItem value="">Each call's own</MenuItem>
              <MenuItem value="outbound">All outbound</MenuItem>
              <MenuItem value="inbound">All inbound</MenuItem>
            </TextField>
          </Stack>

          {busy ? <LinearProgress variant="determinate" value={progress} aria-label="Upload progress" /> : null}
          {problem ? (
            <Alert severity="error" role="alert">
              {problem.message}
              {otherErrors
                .filter(([, message]) => message !== problem.message)
                .map(([field, message]) => (
                  <div key={field}>{message}</div>
                ))}
            </Alert>
          ) : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button variant="contained" onClick={() => void send()} disabled={!ready || busy}>
          Upload
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/**
 * "Upload CDR file": a switch's call records, Asterisk's Master.csv or any CSV with a header through a
 * mapping of its columns. The file is stored and its import starts at once; its page follows it.
 */
export const UploadCdrFileButton = () => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <ToolbarButton label="Upload CDR file" onClick={() => setOpen(true)}>
        <UploadIcon />
      </ToolbarButton>
      {open ? <UploadDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
};
